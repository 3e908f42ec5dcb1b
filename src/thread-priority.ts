import { execFile } from 'node:child_process';
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { promisify } from 'node:util';
import { codeOf } from './core/errors';
import type { Logger } from './logger';

/**
 * How the units thread shares the CPU with the thread that acks (UNITS_PRIORITY):
 * - `idle` (Linux SCHED_IDLE): it runs when the acks' thread and the rest of the container
 *   leave the CPU free, and is preempted at once when a request comes in. On a 2-core machine at
 *   500 requests/s this keeps the ack p99 near a bare Bolt app's (README, bench:ack), where
 *   niceness alone left it 2–3× higher. With the CPU controller's groups (a container, a
 *   systemd service) it yields only to its own group's threads; where everything shares one
 *   group, a CPU-bound neighbour comes first too, and `low` is the better choice.
 * - `low`: niceness 19, a small share when the CPU is short.
 * - `normal`: as any thread.
 * Elsewhere than Linux, or where the change is refused, the thread keeps what it has.
 */
export type ThreadPriority = 'idle' | 'low' | 'normal';

/** The niceness of `low` (and of `idle` where SCHED_IDLE cannot be had). */
export const LOW_NICENESS = 19;

const run = promisify(execFile);

/** Lowers the calling thread's priority (not the process's); returns what it got. */
export async function lowerThisThread(
  wanted: ThreadPriority,
  logger: Logger,
): Promise<ThreadPriority> {
  if (wanted === 'normal') return 'normal';
  let tid: number;
  try {
    // Linux: a thread's id is a pid to setpriority and to sched_setscheduler.
    tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0) return 'normal';
    setPriority(tid, LOW_NICENESS);
  } catch (error) {
    logger.debug({ code: codeOf(error) }, 'thread priority unchanged');
    return 'normal';
  }
  if (wanted === 'low') return 'low';
  try {
    // Node has no call for the scheduling policy; util-linux's chrt (in every Debian, and in
    // the image) makes it for the thread named.
    await run('chrt', ['--idle', '--pid', '0', String(tid)], { timeout: 5_000 });
    return 'idle';
  } catch (error) {
    logger.info(
      { code: codeOf(error) },
      'SCHED_IDLE not available; the units thread runs at niceness 19',
    );
    return 'low';
  }
}
