import { codeOf } from '../../core/errors';
import type { Interval } from '../scheduling/intervals';
import { CALENDAR_REFRESH_MARGIN_MS, type CalendarProvider, type Tokens } from './providers';

/**
 * A person's busy times for suggestions. A calendar that fails never blocks a suggestion:
 * the answer then has no busy times and says why — `reconnect` (access refused: the only
 * case the person is asked to act), or `unavailable` (rate-limited, down, too slow: the
 * suggestions say they used working hours only).
 */
export type BusyAnswer =
  | { busy: Interval[] /** Refreshed on the way: store them. */; tokens?: Tokens }
  | { busy: []; problem: 'reconnect' | 'unavailable'; tokens?: Tokens };

export async function readBusy(
  provider: CalendarProvider,
  stored: Tokens,
  range: Interval,
  now: number,
): Promise<BusyAnswer> {
  let tokens = stored;
  let refreshed: Tokens | undefined;
  const refresh = async () => {
    refreshed = await provider.refresh(tokens, now);
    tokens = refreshed;
  };
  try {
    if (tokens.expiresAt - CALENDAR_REFRESH_MARGIN_MS <= now) await refresh();
    let busy: Interval[];
    try {
      busy = await provider.busy(tokens, range);
    } catch (error) {
      // Refused before its time (revoked session, clock skew): one refresh and one more try;
      // only a refused refresh asks the person to reconnect.
      if (refreshed || codeOf(error) !== 'calendar_unauthorized') throw error;
      await refresh();
      busy = await provider.busy(tokens, range);
    }
    return refreshed ? { busy, tokens: refreshed } : { busy };
  } catch (error) {
    const problem = codeOf(error) === 'calendar_unauthorized' ? 'reconnect' : 'unavailable';
    return refreshed ? { busy: [], problem, tokens: refreshed } : { busy: [], problem };
  }
}
