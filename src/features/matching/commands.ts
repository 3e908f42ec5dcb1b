import { and, eq } from 'drizzle-orm';
import { splitArgs } from '../../core/command-parser';
import type { Ctx } from '../../core/context';
import type { Locale, Translate } from '../../core/i18n';
import type { ActionSpec, CommandSpec } from '../../core/registry';
import type { TextReply } from '../../core/replies';
import { audit } from '../../db/queries/audit';
import { listTopics } from '../../db/queries/profiles';
import { pairs, type UserRow } from '../../db/schema';
import { notify } from '../notify';
import { describeWhy } from './describe';
import { findParticipants } from './people';
import { history, loadOf, loadVolunteer } from './pool';
import { ineligible } from './score';
import {
  ACCEPT_ACTION,
  answerProposal,
  DECLINE_ACTION,
  introduce,
  planNow,
  publishRound,
} from './service';

/** `/match [preview|publish]` (HR): see the round with scores and reasons, or send it. */
export const matchCommand: CommandSpec = {
  scope: 'anywhere',
  role: 'hr',
  run(ctx, args) {
    const sub = args.trim().toLowerCase() || 'preview';
    if (sub === 'preview') return preview(ctx);
    if (sub === 'publish') return publish(ctx);
    ctx.reply({ kind: 'text', text: ctx.t('match.usage') });
  },
};

function preview(ctx: Ctx): void {
  ctx.reply(renderPreview(ctx.deps, ctx.t, ctx.locale, ctx.now));
}

/** The round as HR reads it: pairs with scores and reasons, and who is left out and why. */
export function renderPreview(
  deps: Pick<Ctx['deps'], 'db' | 'config' | 'adapters'>,
  t: Translate,
  locale: Locale,
  now: Date,
): TextReply {
  const { pool, plan } = planNow(deps, now);
  if (pool.mentors.length === 0 && pool.mentees.length === 0) {
    return {
      kind: 'text',
      text: t('match.nobody', {
        volunteers: pool.volunteers,
        paused: pool.paused.length,
        notPrepared: pool.notPrepared.length,
        busy: pool.busy,
      }),
    };
  }
  const topics = listTopics(deps.db);
  const person = (v: { name: string; department: string; grade: number }) =>
    t('match.person', { name: v.name, department: v.department, grade: v.grade });
  const lines = plan.matches.map(
    (m, i) =>
      `${i + 1}. ${t('match.line', {
        mentor: person(m.mentor),
        mentee: person(m.mentee),
        score: m.score.total,
        group: m.group,
        why: describeWhy(t, locale, topics, {
          topics: m.score.topics,
          interests: m.score.interests,
          hoursApart: m.score.hoursApart,
        }),
      })}`,
  );
  const left = [
    ...plan.unmatched.map((u) =>
      t('match.unmatchedLine', {
        name: u.volunteer.name,
        side: t(`match.side.${u.side}`),
        reason: t(`match.reason.${u.reason}`),
      }),
    ),
    ...pool.paused.map((v) =>
      t('match.unmatchedLine', { name: v.name, side: '—', reason: t('match.reason.paused') }),
    ),
    ...pool.notPrepared.map((v) =>
      t('match.unmatchedLine', { name: v.name, side: '—', reason: t('match.reason.not_prepared') }),
    ),
  ];
  const groups = plan.matches.filter((m) => m.group).length;
  return {
    kind: 'text',
    title: t('match.previewTitle'),
    text: [
      t('match.summary', {
        pairs: plan.matches.length,
        groups,
        total: plan.total,
        unmatched: left.length,
      }),
      lines.join('\n'),
      left.length
        ? `${t('match.unmatchedTitle')}:\n${left.map((l) => `• ${l}`).join('\n')}`
        : undefined,
      t('match.previewFooter'),
    ]
      .filter(Boolean)
      .join('\n\n'),
  };
}

function publish(ctx: Ctx): void {
  const result = publishRound(ctx.deps, ctx.user.id, ctx.now);
  if (result.proposals === 0) {
    ctx.reply({ kind: 'text', text: ctx.t('match.nothingToPublish') });
    return;
  }
  ctx.reply({
    kind: 'text',
    text: ctx.t('match.published', { ...result, hours: ctx.deps.config.PROPOSAL_TTL_HOURS }),
  });
}

function answer(accept: boolean): ActionSpec {
  return {
    run(ctx, args) {
      const id = Number(args[0]);
      const result = Number.isSafeInteger(id)
        ? answerProposal(ctx.deps, id, ctx.user.id, accept, ctx.now)
        : { outcome: 'closed' as const };
      const name = result.other?.name ?? '';
      const text = {
        closed: ctx.t('proposal.closed'),
        waiting: ctx.t('proposal.waiting', { name }),
        declined: ctx.t('proposal.declinedYou'),
        paired: undefined,
      }[result.outcome];
      // A pairing is announced by the intro itself; the buttons' message gets replaced.
      if (text) ctx.reply({ kind: 'text', text }, { replace: true });
    },
  };
}

export const matchActions = {
  [ACCEPT_ACTION]: answer(true),
  [DECLINE_ACTION]: answer(false),
} satisfies Record<string, ActionSpec>;

/** `/admin pair <mentor> <mentee> [force]`, `/admin unpair <mentor> <mentee>` (HR). */
export const adminCommand: CommandSpec = {
  scope: 'anywhere',
  role: 'hr',
  run(ctx, args) {
    const [sub, a, b, flag, ...rest] = splitArgs(args);
    const force = flag?.toLowerCase() === 'force';
    if ((sub !== 'pair' && sub !== 'unpair') || !a || !b || rest.length > 0 || (flag && !force)) {
      ctx.reply({ kind: 'text', text: ctx.t('admin.usage') });
      return;
    }
    const mentor = one(ctx, a);
    const mentee = mentor && one(ctx, b);
    if (!mentor || !mentee) return;
    if (sub === 'pair') pairByHand(ctx, mentor, mentee, force);
    else unpair(ctx, mentor, mentee);
  },
};

function one(ctx: Ctx, query: string): UserRow | undefined {
  const found = findParticipants(ctx.deps.db, ctx.user.platform, query);
  if (found.length === 1) return found[0];
  ctx.reply({
    kind: 'text',
    text:
      found.length === 0
        ? ctx.t('admin.notFound', { query })
        : ctx.t('admin.ambiguous', { query, names: found.map((u) => u.name).join(', ') }),
  });
  return undefined;
}

function pairByHand(ctx: Ctx, mentorUser: UserRow, menteeUser: UserRow, force: boolean): void {
  const options = { now: ctx.now, orgTimeZone: ctx.deps.config.ORG_TIMEZONE };
  const mentor = loadVolunteer(ctx.deps.db, mentorUser.id, options);
  const mentee = loadVolunteer(ctx.deps.db, menteeUser.id, options);
  if (!mentor || !mentee) return;
  const rule = (() => {
    if (mentor.role === 'mentee' || mentee.role === 'mentor') return 'role';
    const load = loadOf(ctx.deps.db, mentorUser.id);
    if (load.asMentor >= mentor.capacity) return 'capacity';
    if (loadOf(ctx.deps.db, menteeUser.id).menteeBusy) return 'busy';
    return ineligible({ ...mentor.volunteer, capacity: mentor.capacity }, mentee.volunteer, {
      sameDepartment: ctx.deps.config.MATCH_SAME_DEPARTMENT,
      history: history(ctx.deps.db),
    });
  })();
  // Some rules can't be forced: a person can't mentor themselves.
  if (rule === 'self' || (rule && !force)) {
    ctx.reply({ kind: 'text', text: ctx.t('admin.rule', { rule: ctx.t(`admin.rule.${rule}`) }) });
    return;
  }
  const topics = [...mentee.volunteer.learn].filter((t) => mentor.volunteer.teach.has(t));
  ctx.deps.db.transaction((tx) => {
    const pair = tx
      .insert(pairs)
      .values({
        mentorUserId: mentorUser.id,
        menteeUserId: menteeUser.id,
        manual: true,
        createdAt: ctx.now,
      })
      .returning()
      .get();
    introduce(tx, ctx.deps, pair, topics.length ? topics : [...mentee.volunteer.learn], ctx.now);
    audit(
      tx,
      {
        actorUserId: ctx.user.id,
        action: 'pair.manual',
        details: { pair: pair.id, forced: Boolean(rule) },
      },
      ctx.now,
    );
  });
  ctx.reply({
    kind: 'text',
    text: ctx.t('admin.paired', { mentor: mentorUser.name, mentee: menteeUser.name }),
  });
}

function unpair(ctx: Ctx, mentor: UserRow, mentee: UserRow): void {
  const active = ctx.deps.db
    .select()
    .from(pairs)
    .where(
      and(
        eq(pairs.mentorUserId, mentor.id),
        eq(pairs.menteeUserId, mentee.id),
        eq(pairs.status, 'active'),
      ),
    )
    .get();
  if (!active) {
    ctx.reply({
      kind: 'text',
      text: ctx.t('admin.notPaired', { mentor: mentor.name, mentee: mentee.name }),
    });
    return;
  }
  ctx.deps.db.transaction((tx) => {
    tx.update(pairs)
      .set({ status: 'ended', endedAt: ctx.now })
      .where(eq(pairs.id, active.id))
      .run();
    for (const [me, other] of [
      [mentor, mentee],
      [mentee, mentor],
    ] as const) {
      notify(
        tx,
        ctx.deps,
        me,
        `pair:${active.id}:ended:${me.id}`,
        (t) => ({
          kind: 'text',
          text: t('pair.ended', { name: other.name }),
        }),
        ctx.now,
      );
    }
    audit(
      tx,
      { actorUserId: ctx.user.id, action: 'pair.unpaired', details: { pair: active.id } },
      ctx.now,
    );
  });
  ctx.reply({
    kind: 'text',
    text: ctx.t('admin.unpaired', { mentor: mentor.name, mentee: mentee.name }),
  });
}
