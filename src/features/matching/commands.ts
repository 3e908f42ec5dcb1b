import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { arg } from '../../core/actions';
import type { Ctx } from '../../core/context';
import type { Locale, Translate } from '../../core/i18n';
import { type ActionSpec, action, type CommandSpec } from '../../core/registry';
import type { TextReply } from '../../core/replies';
import type { DbOrTx } from '../../db/client';
import { first, one } from '../../db/first';
import { audit } from '../../db/queries/audit';
import { getProfile, listTopics } from '../../db/queries/profiles';
import { getUser } from '../../db/queries/users';
import { pairs, proposals, type UserRow } from '../../db/schema';
import { notify } from '../notify';
import { programForPair } from '../programs/service';
import { inHrPlace } from '../reports/place';
import { cancelFutureMeetings } from '../scheduling/service';
import { describeWhy, mentorTold } from './describe';
import { findOne } from './people';
import { history, loadOf, loadVolunteer, sharedTopics } from './pool';
import { ineligible } from './score';
import {
  ACCEPT_ACTION,
  answerProposal,
  DECLINE_ACTION,
  introduce,
  nextStepOf,
  planNow,
  publishRound,
} from './service';

/**
 * `/match [preview|publish]` (HR): see the round with scores and reasons, or send it. The
 * preview names people with their levels: in a DM or the HR channel, as /report.
 */
export const matchCommand: CommandSpec = {
  scope: 'dm',
  alsoIn: inHrPlace,
  role: 'hr',
  async run(ctx, args) {
    const sub = args.trim().toLowerCase() || 'preview';
    if (sub === 'preview') return preview(ctx);
    if (sub === 'publish') return publish(ctx);
    ctx.reply({ kind: 'text', text: ctx.t('match.usage') });
  },
};

async function preview(ctx: Ctx): Promise<void> {
  ctx.reply(await renderPreview(ctx.tx, ctx.deps, ctx.t, ctx.locale, ctx.now));
}

/** The round as HR reads it: pairs with scores and reasons, and who is left out and why. */
export async function renderPreview(
  db: DbOrTx,
  deps: Pick<Ctx['deps'], 'config'>,
  t: Translate,
  locale: Locale,
  now: Date,
): Promise<TextReply> {
  const { pool, plan } = await planNow(db, deps, now);
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
  const topics = await listTopics(db);
  const person = (v: { name: string; department: string; grade: number }) =>
    t('match.person', { name: v.name, department: v.department, grade: v.grade });
  // Strongest pairs first: HR reads the top to see the round works and the bottom for the
  // pairs worth a second look.
  const byScore = [...plan.matches].sort(
    (a, b) =>
      b.score.total - a.score.total ||
      a.mentor.name.localeCompare(b.mentor.name) ||
      a.mentee.name.localeCompare(b.mentee.name),
  );
  const lines = byScore.map(
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
  // One line per person: someone with role "both" left out on each side gets both reasons.
  const sides = new Map<number, { name: string; reasons: string[] }>();
  // Teaching first, as the person's own note says it.
  const bySide = [...plan.unmatched].sort(
    (a, b) => Number(a.side === 'mentee') - Number(b.side === 'mentee'),
  );
  for (const u of bySide) {
    const entry = sides.get(u.volunteer.userId) ?? { name: u.volunteer.name, reasons: [] };
    entry.reasons.push(
      t('match.sideReason', {
        side: t(`match.side.${u.side}`),
        reason: t(
          `match.reason.${u.side === 'mentor' ? mentorTold(u.reason, u.volunteer.teach, pool.takenTopics) : u.reason}`,
        ),
      }),
    );
    sides.set(u.volunteer.userId, entry);
  }
  const left = [
    ...[...sides.values()].map(({ name, reasons }) =>
      t('match.unmatchedLine', { name, reasons: reasons.join('; ') }),
    ),
    ...pool.paused.map((v) =>
      t('match.excludedLine', { name: v.name, reason: t('match.reason.paused') }),
    ),
    ...pool.notPrepared.map((v) =>
      t('match.excludedLine', { name: v.name, reason: t('match.reason.not_prepared') }),
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
      // Mentees waiting to answer a proposal are not in this round: say so, or "no one wants
      // their topics" below reads as if nobody ever did.
      pool.busy > 0 ? t('match.busyLine', { busy: pool.busy }) : undefined,
      t('match.optimal', { added: plan.proof.added }),
      lines.join('\n'),
      left.length
        ? `${t('match.unmatchedTitle')}:\n${left.map((l) => `• ${l}`).join('\n')}`
        : undefined,
      plan.matches.length > 0 ? t('match.previewFooter') : t('match.previewFooterNone'),
    ]
      .filter(Boolean)
      .join('\n\n'),
  };
}

async function publish(ctx: Ctx): Promise<void> {
  const result = await publishRound(ctx.tx, ctx.deps, ctx.user.id, ctx.now);
  if (result.proposals === 0) {
    ctx.reply({ kind: 'text', text: ctx.t('match.nothingToPublish') });
    return;
  }
  ctx.reply({
    kind: 'text',
    text: ctx.t('match.published', { ...result, hours: ctx.deps.config.PROPOSAL_TTL_HOURS }),
  });
}

function answer(accept: boolean) {
  return action(z.tuple([arg.id]), async (ctx, [id]) => {
    const result = await answerProposal(ctx.tx, ctx.deps, id, ctx.user.id, accept, ctx.now);
    const name = result.other?.name ?? '';
    const text = {
      closed: ctx.t('proposal.closed'),
      waiting: ctx.t('proposal.waiting', { name }),
      declined: ctx.t('proposal.declinedYou'),
      paired: ctx.t('proposal.paired', { name }),
    }[result.outcome];
    // The proposal's own message is replaced, so its buttons don't linger.
    ctx.reply({ kind: 'text', text }, { replace: true });
  });
}

export const matchActions = {
  [ACCEPT_ACTION]: answer(true),
  [DECLINE_ACTION]: answer(false),
} satisfies Record<string, ActionSpec>;

/** `admin pair <mentor> <mentee> [force]` and `admin unpair <mentor> <mentee>`. */
export function adminPairing(kind: 'pair' | 'unpair') {
  return async (ctx: Ctx, args: string[]): Promise<boolean> => {
    const [a, b, flag, ...rest] = args;
    const force = flag?.toLowerCase() === 'force';
    if (!a || !b || rest.length > 0 || (flag && (!force || kind === 'unpair'))) return false;
    const mentor = await findOne(ctx, a);
    const mentee = mentor && (await findOne(ctx, b));
    if (!mentor || !mentee) return true;
    if (kind === 'pair') await pairByHand(ctx, mentor, mentee, force);
    else await unpair(ctx, mentor, mentee);
    return true;
  };
}

async function pairByHand(
  ctx: Ctx,
  mentorUser: UserRow,
  menteeUser: UserRow,
  force: boolean,
): Promise<void> {
  const options = { now: ctx.now, orgTimeZone: ctx.deps.config.ORG_TIMEZONE };
  const mentor = await loadVolunteer(ctx.tx, mentorUser.id, options);
  const mentee = await loadVolunteer(ctx.tx, menteeUser.id, options);
  if (!mentor || !mentee) return;
  // Already a pair (either way round): nothing to do, even with force — a second copy of a
  // pair would be introduced twice and outlive an unpair.
  const activePairs = await ctx.tx.select().from(pairs).where(eq(pairs.status, 'active'));
  if (
    activePairs.some(
      (x) =>
        (x.mentorUserId === mentorUser.id && x.menteeUserId === menteeUser.id) ||
        (x.mentorUserId === menteeUser.id && x.menteeUserId === mentorUser.id),
    )
  ) {
    ctx.reply({
      kind: 'text',
      text: ctx.t('admin.alreadyPaired', { a: mentorUser.name, b: menteeUser.name }),
    });
    return;
  }
  // A proposal still open between these two is what the pair by hand confirms: it keeps
  // neither of them busy, and is closed without telling the mentor it was withdrawn.
  const proposed = await first(
    ctx.tx
      .select()
      .from(proposals)
      .where(
        and(
          eq(proposals.mentorUserId, mentorUser.id),
          eq(proposals.menteeUserId, menteeUser.id),
          eq(proposals.status, 'open'),
        ),
      ),
  );
  const rule = await (async () => {
    if (mentorUser.id === menteeUser.id) return 'self';
    if (mentor.role === 'mentee' || mentee.role === 'mentor') return 'role';
    if (!mentor.prepared || !mentee.prepared) return 'not_prepared';
    if (mentor.paused || mentee.paused) return 'paused';
    const load = await loadOf(ctx.tx, mentorUser.id, proposed?.id);
    if (load.asMentor >= mentor.capacity) return 'capacity';
    if ((await loadOf(ctx.tx, menteeUser.id, proposed?.id)).menteeBusy) return 'busy';
    return ineligible({ ...mentor.volunteer, capacity: mentor.capacity }, mentee.volunteer, {
      sameDepartment: ctx.deps.config.MATCH_SAME_DEPARTMENT,
      history: await history(ctx.tx),
    });
  })();
  // Some rules can't be forced: a person can't mentor themselves.
  if (rule === 'self' || (rule && !force)) {
    const reason = ctx.t(`admin.rule.${rule}`);
    // "Add force" only where force would help.
    ctx.reply({
      kind: 'text',
      text: ctx.t(rule === 'self' ? 'admin.ruleFinal' : 'admin.rule', { rule: reason }),
    });
    return;
  }
  // Atomic with the rest of the unit of work: a throw rolls all of it back.
  {
    const tx = ctx.tx;
    // A mentee has one mentor: any proposal still open for them is withdrawn, and its other side told.
    const open = await tx
      .select()
      .from(proposals)
      .where(and(eq(proposals.menteeUserId, menteeUser.id), eq(proposals.status, 'open')));
    for (const p of open) {
      await tx
        .update(proposals)
        .set({ status: 'withdrawn', decidedAt: ctx.now })
        .where(eq(proposals.id, p.id));
      const other = p.id === proposed?.id ? undefined : await getUser(tx, p.mentorUserId);
      if (other) {
        await notify(
          tx,
          ctx.deps,
          other,
          `proposal:${p.id}:withdrawn`,
          (t) => ({
            kind: 'text',
            text: t('proposal.withdrawn', { name: menteeUser.name }),
          }),
          ctx.now,
        );
      }
    }
    const pair = await one(
      tx
        .insert(pairs)
        .values({
          mentorUserId: mentorUser.id,
          menteeUserId: menteeUser.id,
          manual: true,
          programId: await programForPair(tx, menteeUser.id, ctx.now, ctx.deps.config.ORG_TIMEZONE),
          createdAt: ctx.now,
        })
        .returning(),
    );
    await introduce(tx, ctx.deps, pair, await sharedTopics(tx, pair), ctx.now);
    await audit(
      tx,
      {
        actorUserId: ctx.user.id,
        action: 'pair.manual',
        details: { pair: pair.id, forced: Boolean(rule) },
      },
      ctx.now,
    );
  }
  ctx.reply({
    kind: 'text',
    text: ctx.t('admin.paired', { mentor: mentorUser.name, mentee: menteeUser.name }),
  });
}

async function unpair(ctx: Ctx, a: UserRow, b: UserRow): Promise<void> {
  const between = (x: { mentorUserId: number; menteeUserId: number }) =>
    (x.mentorUserId === a.id && x.menteeUserId === b.id) ||
    (x.mentorUserId === b.id && x.menteeUserId === a.id);
  // Either order works, and an open proposal between them can be withdrawn the same way.
  const active = (await ctx.tx.select().from(pairs).where(eq(pairs.status, 'active'))).find(
    between,
  );
  const open = (await ctx.tx.select().from(proposals).where(eq(proposals.status, 'open'))).find(
    between,
  );
  if (a.id === b.id) {
    ctx.reply({ kind: 'text', text: ctx.t('admin.unpairSelf', { name: a.name }) });
    return;
  }
  if (!active && !open) {
    ctx.reply({ kind: 'text', text: ctx.t('admin.notPaired', { mentor: a.name, mentee: b.name }) });
    return;
  }
  // Atomic with the rest of the unit of work: a throw rolls all of it back.
  {
    const tx = ctx.tx;
    if (active) {
      await tx
        .update(pairs)
        .set({ status: 'ended', endedAt: ctx.now })
        .where(eq(pairs.id, active.id));
      // Their future sessions are called off too, with cancelling invites.
      await cancelFutureMeetings(tx, ctx.deps, active.id, ctx.user.id, ctx.now);
    }
    if (open)
      await tx
        .update(proposals)
        .set({ status: 'withdrawn', decidedAt: ctx.now })
        .where(eq(proposals.id, open.id));
    for (const [me, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const profile = (await getProfile(tx, me.id))?.profile;
      await notify(
        tx,
        ctx.deps,
        me,
        `unpair:${active?.id ?? 0}:${open?.id ?? 0}:${me.id}`,
        (t, locale) => ({
          kind: 'text',
          text: active
            ? t('pair.ended', {
                name: other.name,
                next: nextStepOf(profile, ctx.deps, me, ctx.now, t, locale),
              })
            : t('proposal.withdrawn', { name: other.name }),
        }),
        ctx.now,
      );
    }
    await audit(
      tx,
      {
        actorUserId: ctx.user.id,
        action: 'pair.unpaired',
        details: { pair: active?.id ?? null, proposal: open?.id ?? null },
      },
      ctx.now,
    );
  }
  ctx.reply({ kind: 'text', text: ctx.t('admin.unpaired', { mentor: a.name, mentee: b.name }) });
}
