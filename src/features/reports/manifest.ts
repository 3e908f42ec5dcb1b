import type { Feature } from '../feature';
import { reportCommand, runWeeklySummary } from './commands';
import { en } from './en';
import { exportCommand } from './export';
import { ru } from './ru';

/** HR's reports, exports and the weekly summary. */
export const reports = {
  name: 'reports',
  commands: { report: reportCommand, export: exportCommand },
  jobs: {
    summary: {
      schedule: (config) => config.SUMMARY_CRON,
      catchUp: true,
      async run(deps, now) {
        await runWeeklySummary(deps, now);
        deps.outbox.kick();
      },
    },
  },
  messages: { en, ru },
} satisfies Feature;
