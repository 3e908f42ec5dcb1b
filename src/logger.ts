import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

/**
 * JSON logs for production, readable lines for people at a terminal. Logs carry ids and
 * codes only: redaction is a safety net for tokens, not a licence to log payloads.
 */
export function createLogger(options: {
  level: string;
  format: 'json' | 'pretty';
  destination?: number;
}): Logger {
  const base = {
    level: options.level,
    redact: {
      paths: ['token', '*.token', 'secret', '*.secret', 'text', '*.text', 'payload', '*.payload'],
      censor: '[redacted]',
    },
  };
  const fd = options.destination ?? 1;
  if (options.format === 'pretty') {
    return pino(
      base,
      pretty({ sync: true, destination: fd, ignore: 'pid,hostname', translateTime: 'HH:MM:ss' }),
    );
  }
  return pino(base, pino.destination({ fd, sync: false }));
}

export const silentLogger: Logger = pino({ level: 'silent' });
