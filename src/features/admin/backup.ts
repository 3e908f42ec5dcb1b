import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Config } from '../../config';
import type { Ctx } from '../../core/context';
import type { Db } from '../../db/client';
import { audit } from '../../db/queries/audit';

const PREFIX = 'tandem-';
const SUFFIX = '.db';

/**
 * Copies the live database with SQLite's online backup (consistent while the bot keeps
 * writing) to BACKUP_DIR, then keeps only the newest BACKUP_KEEP copies. Returns the path.
 */
export async function backupDatabase(
  db: Db,
  config: Pick<Config, 'BACKUP_DIR' | 'BACKUP_KEEP' | 'DATABASE_PATH'>,
  now: Date,
): Promise<string> {
  // Beside the database by default: each database keeps its own newest BACKUP_KEEP copies.
  const dir = resolve(config.BACKUP_DIR ?? join(dirname(resolve(config.DATABASE_PATH)), 'backups'));
  mkdirSync(dir, { recursive: true });
  // Sortable and safe in file names on every system.
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const path = join(dir, `${PREFIX}${stamp}${SUFFIX}`);
  await db.$client.backup(path);
  const copies = readdirSync(dir)
    .filter((f) => f.startsWith(PREFIX) && f.endsWith(SUFFIX))
    .sort();
  for (const old of copies.slice(0, Math.max(0, copies.length - config.BACKUP_KEEP))) {
    rmSync(join(dir, old), { force: true });
  }
  return path;
}

/** `admin backup`: a copy now. */
export async function adminBackup(ctx: Ctx, rest: string): Promise<boolean> {
  if (rest !== '') return false;
  const path = await backupDatabase(ctx.deps.db, ctx.deps.config, ctx.now);
  audit(
    ctx.deps.db,
    { actorUserId: ctx.user.id, action: 'backup.made', details: { file: path } },
    ctx.now,
  );
  ctx.reply({
    kind: 'text',
    text: ctx.t('backup.done', { path, keep: ctx.deps.config.BACKUP_KEEP }),
  });
  return true;
}
