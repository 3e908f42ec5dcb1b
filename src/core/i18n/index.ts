import type { FeatureMessages } from '../../features/messages';
import { TandemError } from '../errors';
import { en } from './en';
import { ru } from './ru';

export { pluralRu } from './words';

export const LOCALES = ['en', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];

/** One text: plain, or built from its parameters. */
export type Text = string | ((params: never) => string);
/** One language's texts by key. */
export type Texts = Record<string, Text>;

/**
 * The shape every catalog must have: the engine's texts (en.ts) and every feature's (its
 * en.ts, which its manifest brings). Each ru.ts is typed as its en.ts, so Russian fails to
 * compile if a key or parameter is missing.
 */
export type Messages = typeof en & FeatureMessages;
export type MessageKey = keyof Messages;
type ParamsOf<K extends MessageKey> = Messages[K] extends (params: infer P) => string ? [P] : [];

/** The engine's own keys, which no feature may claim. */
export const ENGINE_MESSAGE_KEYS: readonly string[] = Object.keys(en);

/**
 * The engine's texts here; the features' are added once at start by the registry that
 * composes their manifests (registerMessages) — it imports the features, which import this.
 */
const catalogs: Record<Locale, Texts> = { en: { ...en }, ru: { ...ru } };

/** Called once by the registry with every feature's texts; a key registered twice throws. */
export function registerMessages(texts: Record<Locale, Texts>): void {
  for (const locale of LOCALES) {
    for (const [key, text] of Object.entries(texts[locale])) {
      if (Object.hasOwn(catalogs[locale], key)) {
        throw new TandemError('wiring_duplicate', `message "${key}" is registered twice`);
      }
      catalogs[locale][key] = text;
    }
  }
}

/** Translates one message. Parameters are type-checked against the English catalog. */
export function t<K extends MessageKey>(locale: Locale, key: K, ...params: ParamsOf<K>): string {
  const entry = catalogs[locale][key] as string | ((p: unknown) => string) | undefined;
  // Only when the registry was not loaded: every key a caller can name is in some manifest.
  if (entry === undefined) {
    throw new TandemError('wiring_invalid', `no ${locale} text for "${key}": registry not loaded`);
  }
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
