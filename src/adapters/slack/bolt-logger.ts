// From the Web API package, not Bolt: a thread that only sends never loads Bolt.
import { LogLevel, type Logger as SlackLogger } from '@slack/web-api';
import { scrubLibraryMessage } from '../../library-log';
import type { Logger } from '../../logger';

const RANK: Record<LogLevel, number> = {
  [LogLevel.DEBUG]: 0,
  [LogLevel.INFO]: 1,
  [LogLevel.WARN]: 2,
  [LogLevel.ERROR]: 3,
};

/** Tandem's level (pino's names) as Bolt's: Bolt has nothing below debug or above error. */
export function boltLogLevel(level: string): LogLevel {
  switch (level) {
    case 'trace':
    case 'debug':
      return LogLevel.DEBUG;
    case 'info':
      return LogLevel.INFO;
    case 'warn':
      return LogLevel.WARN;
    default:
      return LogLevel.ERROR;
  }
}

/**
 * Bolt's, the Web API client's and Socket Mode's own logs, as lines of ours under
 * `component: 'bolt'`, each scrubbed (see library-log.ts): their debug lines hold whole
 * payloads. A level Tandem's logger would drop costs one check.
 */
export function boltLogger(root: Logger): SlackLogger {
  const log = root.child({ component: 'bolt' });
  let level = boltLogLevel(root.level);
  const forward = (at: LogLevel, args: unknown[]) => {
    if (RANK[at] < RANK[level] || !log.isLevelEnabled(at)) return;
    const line = scrubLibraryMessage(args);
    if (line) log[at](line.err ? { err: line.err } : {}, line.msg);
  };
  return {
    debug: (...args: unknown[]) => forward(LogLevel.DEBUG, args),
    info: (...args: unknown[]) => forward(LogLevel.INFO, args),
    warn: (...args: unknown[]) => forward(LogLevel.WARN, args),
    error: (...args: unknown[]) => forward(LogLevel.ERROR, args),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    // Bolt names its clients (`web-api:WebClient:3`); one component is enough for an operator.
    setName: () => {},
  };
}
