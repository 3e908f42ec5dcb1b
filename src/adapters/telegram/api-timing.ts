import type { Transformer } from 'grammy';
import { msSince } from '../../core/clock';
import type { Logger } from '../../logger';
import { connectionCode } from './connection';
import { telegramReason } from './delivery-errors';

/**
 * A Bot API transformer that, at `debug`, logs one line per call: the method, how long
 * Telegram took, and its answer (`ok`, or its error_code and the description's code). Above
 * debug it only passes the call on.
 */
export function apiTiming(log: Logger): Transformer {
  return async (prev, method, payload, signal) => {
    if (!log.isLevelEnabled('debug')) return prev(method, payload, signal);
    const started = performance.now();
    try {
      const result = await prev(method, payload, signal);
      log.debug(
        {
          method,
          durationMs: msSince(started),
          ok: result.ok,
          ...(result.ok
            ? {}
            : { status: result.error_code, platformError: telegramReason(result.description) }),
        },
        'telegram api call',
      );
      return result;
    } catch (error) {
      log.debug(
        { method, durationMs: msSince(started), ok: false, code: connectionCode(error) },
        'telegram api call',
      );
      throw error;
    }
  };
}
