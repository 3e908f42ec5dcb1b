import { splitArgs } from '../../core/command-parser';
import type { Ctx } from '../../core/context';
import type { CommandSpec } from '../../core/registry';
import type { Role } from '../../core/roles';
import { adminPost } from '../content/post';
import { finalSurveyAdmin } from '../feedback/final-survey';
import { adminPairing } from '../matching/commands';
import { adminBackup } from './backup';
import { adminBroadcast } from './broadcast';
import { adminProgram } from './programs';
import { adminHr, adminRoles } from './roles';
import { adminTopics } from './topics';

/** One `/admin <sub>` command; `run` returns false when the arguments don't fit its usage. */
interface AdminSub {
  /** HR runs the program day to day; granting roles, programs, topics, broadcasts and backups need an admin. */
  role: Role;
  usage: (ctx: Ctx) => string;
  run(ctx: Ctx, rest: string): boolean | Promise<boolean>;
}

/** Every admin subcommand, in the order the usage lists them. */
export const ADMIN_SUBS = [
  'pair',
  'unpair',
  'post',
  'survey',
  'hr',
  'roles',
  'program',
  'topics',
  'broadcast',
  'backup',
] as const;
export type AdminSubName = (typeof ADMIN_SUBS)[number];

type UsageKey =
  | 'admin.usage.hr'
  | 'admin.usage.roles'
  | 'admin.usage.program'
  | 'admin.usage.topics'
  | 'admin.usage.broadcast'
  | 'admin.usage.backup';
const usage = (key: UsageKey) => (ctx: Ctx) => ctx.t(key, { admin: ctx.cmd('admin') });

const subs: Record<AdminSubName, AdminSub> = {
  pair: {
    role: 'hr',
    usage: (ctx) => ctx.t('admin.usage.pair', { admin: ctx.cmd('admin') }),
    run: (ctx, rest) => adminPairing('pair')(ctx, splitArgs(rest)),
  },
  unpair: {
    role: 'hr',
    usage: (ctx) => ctx.t('admin.usage.unpair', { admin: ctx.cmd('admin') }),
    run: (ctx, rest) => adminPairing('unpair')(ctx, splitArgs(rest)),
  },
  post: {
    role: 'hr',
    usage: (ctx) => ctx.t('admin.usage.post', { admin: ctx.cmd('admin') }),
    run: adminPost,
  },
  survey: {
    role: 'hr',
    usage: (ctx) => ctx.t('admin.usage.survey', { admin: ctx.cmd('admin') }),
    run: finalSurveyAdmin,
  },
  hr: { role: 'admin', usage: usage('admin.usage.hr'), run: adminHr },
  roles: { role: 'admin', usage: usage('admin.usage.roles'), run: adminRoles },
  program: { role: 'admin', usage: usage('admin.usage.program'), run: adminProgram },
  topics: { role: 'admin', usage: usage('admin.usage.topics'), run: adminTopics },
  broadcast: { role: 'admin', usage: usage('admin.usage.broadcast'), run: adminBroadcast },
  backup: { role: 'admin', usage: usage('admin.usage.backup'), run: adminBackup },
};

/** `/admin <sub> …` (HR and admins): every program-running action, each audited. */
export const adminCommand: CommandSpec = {
  scope: 'anywhere',
  role: 'hr',
  async run(ctx, args) {
    const trimmed = args.trim();
    const name = trimmed.split(/\s+/, 1)[0]?.toLowerCase() ?? '';
    const rest = trimmed.slice(name.length).trim();
    const sub = (ADMIN_SUBS as readonly string[]).includes(name)
      ? subs[name as AdminSubName]
      : undefined;
    if (sub && !ctx.roles.has(sub.role)) {
      ctx.reply({ kind: 'text', text: ctx.t('command.adminOnly') });
      return;
    }
    if (sub && (await sub.run(ctx, rest))) return;
    // Usage lists only what this person may run.
    const usages = sub
      ? [sub.usage]
      : ADMIN_SUBS.filter((s) => ctx.roles.has(subs[s].role)).map((s) => subs[s].usage);
    ctx.reply({
      kind: 'text',
      text: [ctx.t('admin.usage'), ...usages.map((u) => `• ${u(ctx)}`)].join('\n'),
    });
  },
};
