import Database from 'better-sqlite3';
import { TandemError } from '../core/errors';
import type { Db } from './client';

/**
 * SQLite's online backup of the live database to `path`: consistent while the bot keeps
 * writing, written in steps (so never inside a transaction). Then the copy is opened as a
 * database of its own and every page checked; it also becomes a one-file database (rollback
 * journal, no -wal beside it), ready to restore by copying. Throws `backup_corrupt` when the
 * copy does not open or fails its check.
 */
export async function copyDatabase(db: Db, path: string): Promise<void> {
  await db.$client.backup(path);
  let result: unknown;
  try {
    const copy = new Database(path, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
      result = copy.pragma('integrity_check', { simple: true });
    } finally {
      copy.close();
    }
  } catch (cause) {
    throw new TandemError('backup_corrupt', 'the backup copy does not open as a database', {
      cause,
    });
  }
  if (result !== 'ok') {
    throw new TandemError('backup_corrupt', 'the backup copy failed its integrity check');
  }
}
