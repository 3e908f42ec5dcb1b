import { en } from './en';
import { ru } from './ru';

export const LOCALES = ['en', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];

/** The shape every catalog must have: Russian fails to compile if a key or parameter is missing. */
export type Messages = typeof en;
export type MessageKey = keyof Messages;
type ParamsOf<K extends MessageKey> = Messages[K] extends (params: infer P) => string ? [P] : [];

const catalogs: Record<Locale, Messages> = { en, ru };

/** Translates one message. Parameters are type-checked against the English catalog. */
export function t<K extends MessageKey>(locale: Locale, key: K, ...params: ParamsOf<K>): string {
  const entry = catalogs[locale][key] as string | ((p: unknown) => string);
  return typeof entry === 'function' ? entry(params[0]) : entry;
}

export type Translate = <K extends MessageKey>(key: K, ...params: ParamsOf<K>) => string;

/** A translator bound to one person's language. */
export function translator(locale: Locale): Translate {
  return (key, ...params) => t(locale, key, ...params);
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Maps a platform locale (`ru-RU`, `ru`, `en_US`, …) to one we speak, if any. */
export function localeFromPlatform(value: string | null | undefined): Locale | undefined {
  if (!value) return undefined;
  const base = value.toLowerCase().slice(0, 2);
  return isLocale(base) ? base : undefined;
}

/** Russian plural forms: 1 неделя, 2 недели, 5 недель. */
export function pluralRu(n: number, one: string, few: string, many: string): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}
