import { and, eq, inArray } from 'drizzle-orm';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { type CalendarLinkRow, calendarLinks } from '../../db/schema';
import { transact } from '../../db/transact';
import type { Interval } from '../scheduling/intervals';
import { readBusy } from './busy';
import type { Tokens } from './providers';
import { type Calendars, calendarsOf } from './setup';
import type { CalendarProviderId } from './state';

/**
 * Why a person's calendar was left out of suggestions: `reconnect` (access refused, or tokens
 * this key cannot open — the person must connect again) or `unavailable` (rate-limited, down,
 * too slow, or its provider no longer configured: working hours only, this time).
 */
export interface CalendarFallback {
  userId: number;
  provider: CalendarProviderId;
  problem: 'reconnect' | 'unavailable';
}

export interface BusyTimes {
  /** Busy times per person, from every calendar that answered; absent: none connected. */
  busy: Map<number, Interval[]>;
  /** Calendars that did not answer: suggestions fall back to working hours for them. */
  fallbacks: CalendarFallback[];
}

/**
 * The busy times of these people's connected calendars within `range`. Network calls, so
 * outside any transaction: the links are read first, every calendar is asked at once, and
 * tokens refreshed on the way are stored afterwards in one short write (only where the link
 * still holds the tokens that were used — a reconnect meanwhile wins).
 */
export async function busyFor(
  deps: { db: Db; config: Config },
  userIds: readonly number[],
  range: Interval,
  now: number,
): Promise<BusyTimes> {
  const result: BusyTimes = { busy: new Map(), fallbacks: [] };
  const calendars = calendarsOf(deps.config);
  if (!calendars || userIds.length === 0) return result;
  const links = await deps.db
    .select()
    .from(calendarLinks)
    .where(inArray(calendarLinks.userId, [...userIds]));
  const answers = await Promise.all(links.map((link) => ask(calendars, link, range, now)));
  const renewed: { link: CalendarLinkRow; tokens: Tokens }[] = [];
  answers.forEach((answer, k) => {
    const link = links[k];
    if (!link) return;
    if (answer.tokens) renewed.push({ link, tokens: answer.tokens });
    if (answer.problem) {
      result.fallbacks.push({
        userId: link.userId,
        provider: link.provider,
        problem: answer.problem,
      });
      return;
    }
    result.busy.set(link.userId, [...(result.busy.get(link.userId) ?? []), ...answer.busy]);
  });
  if (renewed.length > 0) {
    await transact(deps.db, async (tx) => {
      for (const { link, tokens } of renewed) {
        await tx
          .update(calendarLinks)
          .set({
            tokens: calendars.tokens.seal(JSON.stringify(tokens)),
            expiresAt: new Date(tokens.expiresAt),
            updatedAt: new Date(now),
          })
          .where(and(eq(calendarLinks.id, link.id), eq(calendarLinks.tokens, link.tokens)));
      }
    });
  }
  return result;
}

async function ask(
  calendars: Calendars,
  link: CalendarLinkRow,
  range: Interval,
  now: number,
): Promise<{ busy: Interval[]; problem?: CalendarFallback['problem']; tokens?: Tokens }> {
  const provider = calendars.providers[link.provider];
  if (!provider) return { busy: [], problem: 'unavailable' };
  const tokens = openTokens(calendars, link);
  if (!tokens) return { busy: [], problem: 'reconnect' };
  return readBusy(provider, tokens, range, now);
}

function openTokens(calendars: Calendars, link: CalendarLinkRow): Tokens | undefined {
  const plain = calendars.tokens.open(link.tokens);
  if (plain === undefined) return undefined;
  try {
    const parsed = JSON.parse(plain) as Partial<Tokens>;
    if (typeof parsed.access !== 'string' || typeof parsed.refresh !== 'string') return undefined;
    return {
      access: parsed.access,
      refresh: parsed.refresh,
      expiresAt: Number(parsed.expiresAt) || 0,
      ...(typeof parsed.account === 'string' ? { account: parsed.account } : {}),
    };
  } catch {
    return undefined;
  }
}
