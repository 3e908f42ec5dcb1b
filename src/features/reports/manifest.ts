import type { Feature } from '../feature';
import { reportCommand } from './commands';
import { exportCommand } from './export';

/** HR's reports and exports. */
export const reports = {
  name: 'reports',
  commands: { report: reportCommand, export: exportCommand },
} satisfies Feature;
