import { onPostgres } from '../../db/dialect';
import type { Feature } from '../feature';
import { backupDatabase } from './backup';
import { broadcastActions } from './broadcast';
import { adminCommand } from './command';
import { confirmActions } from './confirm';
import { en } from './en';
import { endProgramsPastTheirEnd } from './program-end';
import { ru } from './ru';

/** `/admin`: roles, topics, programs, broadcasts, the Yes / Cancel of its big steps, backups. */
export const admin = {
  name: 'admin',
  commands: { admin: adminCommand },
  actions: [broadcastActions, confirmActions],
  formerActionIds: { bc: 'admin.send', ac: 'admin.ok' },
  jobs: {
    programEnds: {
      // Daily, before the nudges (10:00): a program past its last day ends, and nudges stop.
      // Run late when its morning passed while the bot was down (and by the console's /time).
      schedule: () => '0 9 * * *',
      catchUp: true,
      async run(deps, now) {
        if ((await endProgramsPastTheirEnd(deps, now)) > 0) deps.outbox.kick();
      },
    },
    backup: {
      // Nightly, in the quiet hours; keeps the newest BACKUP_KEEP copies.
      schedule: () => '30 2 * * *',
      async run(deps, now) {
        // PostgreSQL is backed up with pg_dump, outside Tandem (README).
        if (onPostgres(deps.db)) return;
        await backupDatabase(deps.db, deps.config, now);
      },
    },
  },
  messages: { en, ru },
} satisfies Feature;
