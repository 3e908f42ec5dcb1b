import { formatNumber } from '../format';

/*
 * Helpers the catalogs share: the engine's (en.ts, ru.ts) and each feature's texts
 * (src/features/<feature>/en.ts, ru.ts).
 */

/** A mean or score as English writes it: "4.2". */
export const decimalEn = (value: number) => formatNumber(value, 'en');
/** A mean or score as Russian writes it, with a decimal comma: «4,2». */
export const decimalRu = (value: number) => formatNumber(value, 'ru');
/** "1 person", "3 people". */
export const people = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;

/** Russian plural forms: 1 неделя, 2 недели, 5 недель. */
export function pluralRu(n: number, one: string, few: string, many: string): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}
