import { Writable } from 'node:stream';
import pino from 'pino';
import type { Logger } from '../../src/logger';

export interface LogCapture {
  logger: Logger;
  /** Every line written so far, as pino wrote it (JSON). */
  raw(): string;
  /** Every line written so far, parsed. */
  lines(): Record<string, unknown>[];
  /** The lines whose fields include all of `match`. */
  find(match: Record<string, unknown>): Record<string, unknown>[];
}

/** A pino logger at `level` whose JSON lines a test can read back. */
export function captureLogs(level = 'trace'): LogCapture {
  const written: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      written.push(chunk.toString());
      done();
    },
  });
  const lines = () =>
    written
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  return {
    logger: pino({ level }, stream),
    raw: () => written.join(''),
    lines,
    find: (match) =>
      lines().filter((line) => Object.entries(match).every(([k, v]) => line[k] === v)),
  };
}
