import { splitArgs } from '../../core/command-parser';
import type { Ctx } from '../../core/context';
import type { CommandSpec } from '../../core/registry';
import { adminPost } from '../content/post';
import { finalSurveyAdmin } from '../feedback/final-survey';
import { adminPairing } from '../matching/commands';

/** One `/admin <sub>` command; `run` returns false when the arguments don't fit its usage. */
interface AdminSub {
  usage: (ctx: Ctx) => string;
  run(ctx: Ctx, rest: string): boolean | Promise<boolean>;
}

/** Every admin subcommand, in the order the usage lists them. */
export const ADMIN_SUBS = ['pair', 'unpair', 'post', 'survey'] as const;
export type AdminSubName = (typeof ADMIN_SUBS)[number];

const subs: Record<AdminSubName, AdminSub> = {
  pair: {
    usage: (ctx) => ctx.t('admin.usage.pair', { admin: ctx.cmd('admin') }),
    run: (ctx, rest) => adminPairing('pair')(ctx, splitArgs(rest)),
  },
  unpair: {
    usage: (ctx) => ctx.t('admin.usage.unpair', { admin: ctx.cmd('admin') }),
    run: (ctx, rest) => adminPairing('unpair')(ctx, splitArgs(rest)),
  },
  post: {
    usage: (ctx) => ctx.t('admin.usage.post', { admin: ctx.cmd('admin') }),
    run: adminPost,
  },
  survey: {
    usage: (ctx) => ctx.t('admin.usage.survey', { admin: ctx.cmd('admin') }),
    run: finalSurveyAdmin,
  },
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
    if (sub && (await sub.run(ctx, rest))) return;
    const usages = sub ? [sub.usage] : ADMIN_SUBS.map((s) => subs[s].usage);
    ctx.reply({
      kind: 'text',
      text: [ctx.t('admin.usage'), ...usages.map((u) => `• ${u(ctx)}`)].join('\n'),
    });
  },
};
