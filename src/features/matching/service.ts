import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { encodeAction } from '../../core/actions';
import type { EngineDeps } from '../../core/context';
import type { translatorFor } from '../../core/engine';
import { formatShortDay } from '../../core/format';
import type { Locale, Translate } from '../../core/i18n';
import type { Reply, TextReply } from '../../core/replies';
import type { DbOrTx } from '../../db/client';
import { first, one } from '../../db/first';
import { audit } from '../../db/queries/audit';
import { populationOf } from '../../db/queries/population';
import { getProfile, listTopics } from '../../db/queries/profiles';
import { scheduleTimer } from '../../db/queries/timers';
import { getUser } from '../../db/queries/users';
import {
  type Answer,
  type MatchReasons,
  matchRounds,
  type PairRow,
  type ProfileRow,
  type ProposalRow,
  pairs,
  proposals,
  type TopicRow,
  type UserRow,
} from '../../db/schema';
import { notify } from '../notify';
import { programForPair } from '../programs/service';
import { cancelFutureMeetings } from '../scheduling/service';
import { bothSides } from '../sides';
import {
  describeWhy,
  icebreakers,
  type LeftOut,
  mentorTold,
  topicList,
  unmatchedText,
} from './describe';
import { loadPool, type Pool } from './pool';
import { planRound, type RoundPlan } from './round';

export const PROPOSAL_EXPIRE_TIMER = 'proposal.expire';
/** A day before a proposal closes: a reminder to whoever has not answered. */
export const PROPOSAL_REMIND_TIMER = 'proposal.remind';
const PROPOSAL_REMIND_BEFORE_MS = 24 * 3600_000;
export const ACCEPT_ACTION = 'match.ok';
export const DECLINE_ACTION = 'match.no';
/** What a proposal's expiry timer carries. */
export const proposalExpirePayload = z.object({ proposalId: z.number().int() });

type Deps = Pick<EngineDeps, 'config' | 'adapters'>;

/** The pool and the plan for a round right now. */
export async function planNow(
  db: DbOrTx,
  deps: Pick<Deps, 'config'>,
  now: Date,
): Promise<{ pool: Pool; plan: RoundPlan }> {
  const pool = await loadPool(db, {
    now,
    sameDepartment: deps.config.MATCH_SAME_DEPARTMENT,
    orgTimeZone: deps.config.ORG_TIMEZONE,
    population: populationOf(deps.config),
  });
  return { pool, plan: planRound(pool.mentors, pool.mentees, pool.rules) };
}

const reasonsOf = (m: RoundPlan['matches'][number]): MatchReasons => ({
  topics: m.score.topics,
  interests: m.score.interests,
  hoursApart: m.score.hoursApart,
});

/**
 * Sends a round: proposals written, expiry timers set and messages queued in the caller's
 * transaction (all of it or nothing); people left out are told why. Returns how many went out.
 */
export async function publishRound(
  tx: DbOrTx,
  deps: Deps,
  actorId: number | null,
  now: Date,
): Promise<{ proposals: number; unmatched: number }> {
  const { pool, plan } = await planNow(tx, deps, now);
  // Nothing to propose: no round, and nobody is written to again.
  if (plan.matches.length === 0) return { proposals: 0, unmatched: 0 };
  const ttlMs = deps.config.PROPOSAL_TTL_HOURS * 3600_000;
  const topics = await listTopics(tx);
  let told = 0;
  {
    const round = await one(
      tx
        .insert(matchRounds)
        .values({
          createdAt: now,
          createdBy: actorId,
          proposals: plan.matches.length,
          totalScore: plan.total,
        })
        .returning(),
    );
    for (const match of plan.matches) {
      const proposal = await one(
        tx
          .insert(proposals)
          .values({
            roundId: round.id,
            mentorUserId: match.mentor.userId,
            menteeUserId: match.mentee.userId,
            group: match.group,
            score: match.score.total,
            reasons: reasonsOf(match),
            expiresAt: new Date(now.getTime() + ttlMs),
            createdAt: now,
          })
          .returning(),
      );
      await scheduleTimer(
        tx,
        {
          kind: PROPOSAL_EXPIRE_TIMER,
          dueAt: proposal.expiresAt,
          payload: { proposalId: proposal.id } satisfies z.input<typeof proposalExpirePayload>,
          dedupeKey: `${PROPOSAL_EXPIRE_TIMER}:${proposal.id}`,
          userId: null,
        },
        now,
      );
      // A day before it closes, whoever has not answered is reminded (not for short TTLs).
      const remindAt = proposal.expiresAt.getTime() - PROPOSAL_REMIND_BEFORE_MS;
      if (remindAt - now.getTime() >= PROPOSAL_REMIND_BEFORE_MS)
        await scheduleTimer(
          tx,
          {
            kind: PROPOSAL_REMIND_TIMER,
            dueAt: new Date(remindAt),
            payload: { proposalId: proposal.id } satisfies z.input<typeof proposalExpirePayload>,
            dedupeKey: `${PROPOSAL_REMIND_TIMER}:${proposal.id}`,
            userId: null,
          },
          now,
        );
      await sendProposal(tx, deps, proposal, topics, now);
    }
    // People left out hear why, once per round and in one message (role "both" has a reason
    // on each side) — not those already paired or waiting.
    const leftOut = new Map<number, LeftOut>();
    for (const u of plan.unmatched) {
      if (pool.engaged.has(u.volunteer.userId)) continue;
      const why = leftOut.get(u.volunteer.userId) ?? {};
      if (u.side === 'mentor')
        why.mentor = mentorTold(u.reason, u.volunteer.teach, pool.takenTopics);
      else why.mentee = u.reason;
      leftOut.set(u.volunteer.userId, why);
    }
    for (const [id, why] of leftOut) {
      const person = await getUser(tx, id);
      if (!person) continue;
      const sent = await notify(
        tx,
        deps,
        person,
        `round:${round.id}:unmatched:${person.id}`,
        (t) => ({ kind: 'text', text: unmatchedText(t, why) }),
        now,
      );
      // HR hears how many people were actually written to.
      if (sent) told += 1;
    }
    await audit(
      tx,
      {
        actorUserId: actorId,
        action: 'match.publish',
        details: { round: round.id, proposals: plan.matches.length },
      },
      now,
    );
  }
  return { proposals: plan.matches.length, unmatched: told };
}

/** The proposal message, to both sides, with Accept / Decline. */
async function sendProposal(
  tx: DbOrTx,
  deps: Deps,
  proposal: ProposalRow,
  topics: TopicRow[],
  now: Date,
): Promise<void> {
  for (const { me, other, side } of await bothSides(tx, proposal)) {
    const otherProfile = (await getProfile(tx, other.id))?.profile;
    await notify(
      tx,
      deps,
      me,
      `proposal:${proposal.id}:${side}`,
      (t, locale) =>
        proposalMessage(deps, proposal, { me, other, otherProfile, side, topics }, t, locale),
      now,
    );
  }
}

/**
 * A proposal's messages are one exchange: the proposal, then its end (declined, expired, the
 * other left, or the intro) — which takes over, so the console lets the old Accept go.
 */
export const proposalSeries = (id: number) => `proposal:${id}`;

/** One side's proposal: who, why, and Accept / Decline (also shown again by /pair). */
export function proposalMessage(
  deps: Pick<Deps, 'config'>,
  proposal: ProposalRow,
  who: {
    me: UserRow;
    other: UserRow;
    /** The other one's profile, read before (the message is built once per language). */
    otherProfile: ProfileRow | undefined;
    side: 'mentor' | 'mentee';
    topics: TopicRow[];
  },
  t: Translate,
  locale: Locale,
  /** Hours left to answer, when it is shown again later (a reminder); the full TTL otherwise. */
  hoursLeft?: number,
): TextReply {
  const text = t(who.side === 'mentor' ? 'proposal.toMentor' : 'proposal.toMentee', {
    name: who.other.name,
    who: whoIs(t, who.other, who.otherProfile),
    why: whyFor(who.side, t, locale, who.topics, proposal.reasons),
    hours: hoursLeft ?? deps.config.PROPOSAL_TTL_HOURS,
  });
  return {
    kind: 'text',
    title: t('proposal.title'),
    text: proposal.group ? `${text}\n${t('proposal.group')}` : text,
    series: proposalSeries(proposal.id),
    buttons: [
      {
        label: t('proposal.button.accept'),
        data: encodeAction(ACCEPT_ACTION, who.me.id, String(proposal.id)),
        style: 'primary',
      },
      {
        label: t('proposal.button.decline'),
        data: encodeAction(DECLINE_ACTION, who.me.id, String(proposal.id)),
      },
    ],
  };
}

/**
 * The proposal's reasons for its reader: what the other one teaches me, or wants to learn from
 * me — then shared interests and time zones as HR's preview says them.
 */
function whyFor(
  side: 'mentor' | 'mentee',
  t: Translate,
  locale: Locale,
  topics: TopicRow[],
  reasons: MatchReasons,
): string {
  const list = topicList(locale, topics, reasons.topics);
  // describeWhy's first part is the topics, said from the mentor's side ("teaches …").
  const rest = describeWhy(t, locale, topics, reasons).split('; ').slice(1);
  return [t(side === 'mentor' ? 'proposal.why.learns' : 'proposal.why.teaches', { list }), ...rest]
    .filter(Boolean)
    .join('; ');
}

/** "Marketing, 1 — junior / intern" */
function whoIs(
  t: ReturnType<typeof translatorFor>,
  user: UserRow,
  row: ProfileRow | undefined,
): string {
  if (!row) return user.name;
  return `${row.department}, ${t(`profile.grade.${row.grade as 1 | 2 | 3 | 4 | 5}`)}`;
}

export type AnswerOutcome = 'closed' | 'waiting' | 'paired' | 'declined';

/**
 * One side answers. Both yes → the pair is active and introduced; a no → the other side is
 * told kindly and both go back to the pool. Anything late or repeated changes nothing.
 */
export async function answerProposal(
  tx: DbOrTx,
  deps: Deps,
  proposalId: number,
  userId: number,
  accept: boolean,
  now: Date,
): Promise<{ outcome: AnswerOutcome; other?: UserRow }> {
  {
    const proposal = await first(tx.select().from(proposals).where(eq(proposals.id, proposalId)));
    if (proposal?.status !== 'open' || proposal.expiresAt <= now)
      return { outcome: 'closed' as const };
    const side =
      proposal.mentorUserId === userId
        ? 'mentor'
        : proposal.menteeUserId === userId
          ? 'mentee'
          : undefined;
    if (!side) return { outcome: 'closed' as const };
    const mine = side === 'mentor' ? proposal.mentorAnswer : proposal.menteeAnswer;
    const otherId = side === 'mentor' ? proposal.menteeUserId : proposal.mentorUserId;
    const other = await getUser(tx, otherId);
    // Pressing Accept again while the other side thinks: still waiting, nothing changes.
    if (mine === 'accepted' && accept)
      return { outcome: 'waiting' as const, ...(other ? { other } : {}) };
    if (mine !== 'pending') return { outcome: 'closed' as const };
    const answer: Answer = accept ? 'accepted' : 'declined';
    const patch: Partial<Pick<ProposalRow, 'mentorAnswer' | 'menteeAnswer'>> =
      side === 'mentor' ? { mentorAnswer: answer } : { menteeAnswer: answer };
    if (!accept) {
      await tx
        .update(proposals)
        .set({ ...patch, status: 'declined', decidedAt: now })
        .where(eq(proposals.id, proposal.id));
      const me = await getUser(tx, userId);
      if (other && me) {
        await notify(
          tx,
          deps,
          other,
          `proposal:${proposal.id}:declined`,
          (t) => ({
            kind: 'text',
            text: t('proposal.declinedOther', { name: me.name }),
            series: proposalSeries(proposal.id),
          }),
          now,
        );
      }
      await audit(
        tx,
        { actorUserId: userId, action: 'proposal.declined', details: { proposal: proposal.id } },
        now,
      );
      return { outcome: 'declined' as const, ...(other ? { other } : {}) };
    }
    const otherAnswer = side === 'mentor' ? proposal.menteeAnswer : proposal.mentorAnswer;
    if (otherAnswer !== 'accepted') {
      await tx.update(proposals).set(patch).where(eq(proposals.id, proposal.id));
      return { outcome: 'waiting' as const, ...(other ? { other } : {}) };
    }
    await tx
      .update(proposals)
      .set({ ...patch, status: 'accepted', decidedAt: now })
      .where(eq(proposals.id, proposal.id));
    const pair = await one(
      tx
        .insert(pairs)
        .values({
          mentorUserId: proposal.mentorUserId,
          menteeUserId: proposal.menteeUserId,
          proposalId: proposal.id,
          group: proposal.group,
          programId: await programForPair(tx, proposal.menteeUserId, now, deps.config.ORG_TIMEZONE),
          createdAt: now,
        })
        .returning(),
    );
    await introduce(tx, deps, pair, proposal.reasons.topics, now);
    await audit(
      tx,
      { actorUserId: userId, action: 'pair.created', details: { pair: pair.id } },
      now,
    );
    return { outcome: 'paired' as const, ...(other ? { other } : {}) };
  }
}

/** The intro to both sides: who, what, icebreakers, and the first steps. */
export async function introduce(
  tx: DbOrTx,
  deps: Deps,
  pair: PairRow,
  topicIds: string[],
  now: Date,
): Promise<void> {
  // A pair forced by hand may share no topic: then it is not said that one teaches the other's.
  const keys = !pair.manual
    ? ({ mentor: 'pair.introMentor', mentee: 'pair.introMentee' } as const)
    : topicIds.length > 0
      ? ({ mentor: 'pair.introManualMentor', mentee: 'pair.introManualMentee' } as const)
      : ({ mentor: 'pair.introManualMentorOpen', mentee: 'pair.introManualMenteeOpen' } as const);
  const topics = await listTopics(tx);
  for (const { me, other, side } of await bothSides(tx, pair)) {
    await notify(
      tx,
      deps,
      me,
      `pair:${pair.id}:intro:${side}`,
      (t, locale): Reply => ({
        kind: 'text',
        title: t('pair.introTitle'),
        text: [
          t(keys[side], {
            name: other.name,
            topics: topicList(locale, topics, topicIds),
          }),
          t('pair.icebreakers', { list: icebreakers(t, pair.id) }),
          t('pair.next'),
        ].join('\n\n'),
        ...(pair.proposalId ? { series: proposalSeries(pair.proposalId) } : {}),
      }),
      now,
    );
  }
}

/** The proposal, while it is still open (a timer's proposal may have been answered since). */
async function openProposal(db: DbOrTx, id: number): Promise<ProposalRow | undefined> {
  const proposal = await first(db.select().from(proposals).where(eq(proposals.id, id)));
  return proposal?.status === 'open' ? proposal : undefined;
}

/** Timer: a day before it closes, each side still to answer gets the proposal again. */
export async function remindProposal(
  db: DbOrTx,
  deps: Pick<Deps, 'config' | 'adapters'>,
  proposalId: number,
  now: Date,
): Promise<void> {
  const proposal = await openProposal(db, proposalId);
  if (!proposal) return;
  const topics = await listTopics(db);
  const hours = Math.max(1, Math.round((proposal.expiresAt.getTime() - now.getTime()) / 3600_000));
  for (const { me, other, side } of await bothSides(db, proposal)) {
    const answer = side === 'mentor' ? proposal.mentorAnswer : proposal.menteeAnswer;
    if (answer !== 'pending') continue;
    const otherProfile = (await getProfile(db, other.id))?.profile;
    await notify(
      db,
      deps,
      me,
      `proposal:${proposal.id}:remind:${side}`,
      (t, locale) => {
        const message = proposalMessage(
          deps,
          proposal,
          { me, other, otherProfile, side, topics },
          t,
          locale,
          hours,
        );
        return { ...message, text: `${t('proposal.reminder')}\n\n${message.text}` };
      },
      now,
    );
  }
}

/** Timer: a proposal nobody finished answering closes and counts as declined. */
export async function expireProposal(
  db: DbOrTx,
  deps: Pick<Deps, 'config' | 'adapters'>,
  proposalId: number,
  now: Date,
): Promise<void> {
  const proposal = await openProposal(db, proposalId);
  if (!proposal) return;
  await db
    .update(proposals)
    .set({ status: 'expired', decidedAt: now })
    .where(eq(proposals.id, proposal.id));
  const mentor = await getUser(db, proposal.mentorUserId);
  const mentee = await getUser(db, proposal.menteeUserId);
  if (!mentor || !mentee) return;
  for (const [me, other] of [
    [mentor, mentee],
    [mentee, mentor],
  ] as const) {
    await notify(
      db,
      deps,
      me,
      `proposal:${proposal.id}:expired:${me.id}`,
      (t) => ({
        kind: 'text',
        text: t('proposal.expired', { name: other.name }),
        series: proposalSeries(proposal.id),
      }),
      now,
    );
  }
}

/**
 * Before someone's data goes: their open proposals are withdrawn, their active pairs end
 * (kept, with their meetings and goals, for the partner and for past weeks' figures), future
 * sessions are called off and their partners are told kindly.
 */
export async function releasePartners(
  db: DbOrTx,
  deps: Pick<Deps, 'config' | 'adapters'>,
  user: UserRow,
  now: Date,
): Promise<void> {
  const involves = <T extends { mentorUserId: number; menteeUserId: number }>(rows: T[]) =>
    rows.filter((r) => r.mentorUserId === user.id || r.menteeUserId === user.id);
  const open = involves(await db.select().from(proposals).where(eq(proposals.status, 'open')));
  const active = involves(await db.select().from(pairs).where(eq(pairs.status, 'active')));
  // A partner in an active pair hears "your pair is closed"; one with only a proposal, that it is.
  const partnerIds = new Map<
    number,
    'pair.partnerLeft' | 'proposal.otherLeft' | 'pair.groupMemberLeft'
  >();
  const otherOf = (p: { mentorUserId: number; menteeUserId: number }) =>
    p.mentorUserId === user.id ? p.menteeUserId : p.mentorUserId;
  /** The proposal a partner's note closes (its Accept no longer does anything). */
  const proposalOf = new Map<number, number>();
  for (const p of open) {
    partnerIds.set(otherOf(p), 'proposal.otherLeft');
    proposalOf.set(otherOf(p), p.id);
  }
  for (const p of active) partnerIds.set(otherOf(p), 'pair.partnerLeft');
  // A group's mentor keeps the rest of the group: "your pairing is closed" would be untrue.
  const groupRest = new Map<number, string[]>();
  for (const p of active) {
    if (!p.group || p.menteeUserId !== user.id) continue;
    const rest = (await db.select().from(pairs).where(eq(pairs.status, 'active'))).filter(
      (o) => o.group && o.mentorUserId === p.mentorUserId && o.menteeUserId !== user.id,
    );
    if (rest.length === 0) continue;
    const names: string[] = [];
    for (const o of rest) names.push((await getUser(db, o.menteeUserId))?.name ?? '?');
    partnerIds.set(p.mentorUserId, 'pair.groupMemberLeft');
    groupRest.set(p.mentorUserId, names);
  }
  // Why first, then what follows from it: the partner hears that the pair is closed before
  // the cancellations of its sessions arrive (the outbox sends in order).
  for (const [id, key] of partnerIds) {
    const partner = await getUser(db, id);
    if (!partner) continue;
    const profile = (await getProfile(db, partner.id))?.profile;
    await notify(
      db,
      deps,
      partner,
      `left:${user.id}:${now.getTime()}:${id}`,
      (t, locale) => ({
        kind: 'text',
        text:
          key === 'pair.partnerLeft'
            ? t(key, { name: user.name, next: nextStepOf(profile, deps, partner, now, t, locale) })
            : key === 'pair.groupMemberLeft'
              ? t(key, { name: user.name, rest: (groupRest.get(id) ?? []).join(', ') })
              : t(key, { name: user.name }),
        ...(key === 'proposal.otherLeft' && proposalOf.has(id)
          ? { series: proposalSeries(proposalOf.get(id) ?? 0) }
          : {}),
      }),
      now,
    );
  }
  for (const p of open)
    await db
      .update(proposals)
      .set({ status: 'withdrawn', decidedAt: now })
      .where(eq(proposals.id, p.id));
  for (const p of active) {
    await cancelFutureMeetings(db, deps, p.id, user.id, now);
    await db.update(pairs).set({ status: 'ended', endedAt: now }).where(eq(pairs.id, p.id));
  }
}

/**
 * What someone without a partner can expect, as true for them now: a proposal at the next
 * round — or, while on a break or not yet prepared, what keeps them out of it.
 */
export async function nextStep(
  db: DbOrTx,
  deps: Pick<Deps, 'config'>,
  user: UserRow,
  now: Date,
  t: Translate,
  locale: Locale,
): Promise<string> {
  return nextStepOf((await getProfile(db, user.id))?.profile, deps, user, now, t, locale);
}

/** `nextStep` from the profile read before (a message built once per language). */
export function nextStepOf(
  profile: ProfileRow | undefined,
  deps: Pick<Deps, 'config'>,
  user: UserRow,
  now: Date,
  t: Translate,
  locale: Locale,
): string {
  if (profile?.pausedUntil && profile.pausedUntil > now) {
    const zone = user.timeZone ?? deps.config.ORG_TIMEZONE;
    return t('pair.next.paused', {
      until: formatShortDay(DateTime.fromJSDate(profile.pausedUntil, { zone }), locale),
    });
  }
  if (profile && !profile.preparedAt) return t('pair.next.unprepared');
  return t('pair.next.round');
}
