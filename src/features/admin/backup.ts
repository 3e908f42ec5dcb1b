import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Config } from '../../config';
import type { Ctx } from '../../core/context';
import { asTandemError, TandemError } from '../../core/errors';
import { copyDatabase } from '../../db/backup';
import type { Db } from '../../db/client';
import { onPostgres } from '../../db/dialect';
import { audit } from '../../db/queries/audit';

/** A finished backup, and only that: `tandem-2026-12-01T02-30-00-000Z.db`. */
export const BACKUP_NAME = /^tandem-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.db$/;
/** A copy being written; it becomes a backup only by being renamed after its check. */
const PARTIAL_SUFFIX = '.partial';
/** A partial copy older than this belongs to a backup that died (killed, disk full). */
export const STALE_PARTIAL_MS = 60 * 60 * 1000;

/**
 * Copies the live database with SQLite's online backup (consistent while the bot keeps
 * writing) to BACKUP_DIR and keeps the newest BACKUP_KEEP copies. The copy is written under
 * a temporary name, opened and checked (`integrity_check`), and only then renamed — so a
 * backup killed midway never looks like a finished one, and rotation, which counts only
 * finished names, never deletes a good copy to make room for a broken one. Returns the path.
 */
export async function backupDatabase(
  db: Db,
  config: Pick<Config, 'BACKUP_DIR' | 'BACKUP_KEEP' | 'DATABASE_PATH'>,
  now: Date,
): Promise<string> {
  // Beside the database by default: each database keeps its own newest BACKUP_KEEP copies.
  const dir = resolve(config.BACKUP_DIR ?? join(dirname(resolve(config.DATABASE_PATH)), 'backups'));
  mkdirSync(dir, { recursive: true });
  removeStalePartials(dir);
  // Sortable and safe in file names on every system.
  const name = `tandem-${now.toISOString().replace(/[:.]/g, '-')}.db`;
  const path = join(dir, name);
  const partial = `${path}${PARTIAL_SUFFIX}`;
  try {
    await copyDatabase(db, partial);
    renameSync(partial, path);
  } catch (error) {
    removeWithSidecars(partial);
    throw error instanceof TandemError
      ? error
      : new TandemError('backup_failed', 'the backup copy could not be written', { cause: error });
  }
  const copies = listBackups(dir);
  for (const old of copies.slice(0, Math.max(0, copies.length - config.BACKUP_KEEP))) {
    rmSync(join(dir, old), { force: true });
  }
  return path;
}

/** Finished backups in `dir`, oldest first; anything else there (partials, other files) is not one. */
export function listBackups(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => BACKUP_NAME.test(f))
    .sort();
}

/** Leftovers of backups that died midway: never listed, never counted, removed. */
function removeStalePartials(dir: string): void {
  for (const f of readdirSync(dir)) {
    if (!f.startsWith('tandem-') || !f.includes(PARTIAL_SUFFIX)) continue;
    const path = join(dir, f);
    const stat = statSync(path, { throwIfNoEntry: false });
    // Younger ones may be another backup still writing (the nightly one beside `admin backup`).
    // File times are the machine's, so the machine's clock, not the (demo) program clock.
    if (stat && Date.now() - stat.mtimeMs > STALE_PARTIAL_MS) rmSync(path, { force: true });
  }
}

function removeWithSidecars(path: string): void {
  for (const p of [path, `${path}-journal`, `${path}-wal`, `${path}-shm`])
    rmSync(p, { force: true });
}

/**
 * `admin backup`: a copy now. The copy is made after the event's unit of work has committed:
 * it takes time and reads the file in steps, which must not happen inside a transaction.
 */
export async function adminBackup(ctx: Ctx, rest: string): Promise<boolean> {
  if (rest !== '') return false;
  if (onPostgres(ctx.tx)) {
    ctx.reply({ kind: 'text', text: ctx.t('backup.usePgDump') });
    return true;
  }
  // The copy takes a while after this event is done: say so now, the path follows.
  ctx.reply({ kind: 'text', text: ctx.t('backup.started') });
  ctx.afterCommit(async () => {
    let path: string;
    try {
      path = await backupDatabase(ctx.tx, ctx.deps.config, ctx.now);
    } catch (error) {
      const e = asTandemError(error, 'backup_failed');
      ctx.deps.logger.error({ code: e.code }, 'backup failed');
      ctx.reply({ kind: 'text', text: ctx.t('backup.failed', { code: e.code }) });
      return;
    }
    await audit(
      ctx.tx,
      { actorUserId: ctx.user.id, action: 'backup.made', details: { file: path } },
      ctx.now,
    );
    ctx.reply({
      kind: 'text',
      text: ctx.t('backup.done', { path, keep: ctx.deps.config.BACKUP_KEEP }),
    });
  });
  return true;
}
