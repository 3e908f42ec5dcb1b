import { and, asc, eq, gt, or } from 'drizzle-orm';
import type { Ctx } from '../../core/context';
import type { CommandSpec } from '../../core/registry';
import { listTopics } from '../../db/queries/profiles';
import { getUser } from '../../db/queries/users';
import { goals, meetings, type PairRow, pairs, proposals } from '../../db/schema';
import { joined } from '../joined';
import { formatSlot } from '../scheduling/when';
import { topicList } from './describe';
import { proposalMessage } from './service';

/**
 * Open proposals still waiting for this person's answer, each with its buttons again — so
 * nothing is lost when a message scrolls away or the console restarts.
 */
export function showPendingProposals(ctx: Ctx): number {
  const me = ctx.user.id;
  const topics = listTopics(ctx.deps.db);
  const waiting = ctx.deps.db
    .select()
    .from(proposals)
    .where(or(eq(proposals.mentorUserId, me), eq(proposals.menteeUserId, me)))
    .all()
    .filter(
      (p) =>
        p.status === 'open' &&
        p.expiresAt > ctx.now &&
        (p.mentorUserId === me ? p.mentorAnswer : p.menteeAnswer) === 'pending',
    );
  for (const p of waiting) {
    const side = p.mentorUserId === me ? 'mentor' : 'mentee';
    const other = getUser(ctx.deps.db, side === 'mentor' ? p.menteeUserId : p.mentorUserId);
    if (!other) continue;
    ctx.reply(
      proposalMessage(
        ctx.deps.db,
        ctx.deps,
        p,
        { me: ctx.user, other, side, topics },
        ctx.t,
        ctx.locale,
      ),
    );
  }
  return waiting.length;
}

/** "Goals: 1 open, 2 done · next: Thu, 3 Dec, 15:00–17:00" for one pair, in my zone. */
function pairStatus(ctx: Ctx, pairId: number): string {
  const list = ctx.deps.db.select().from(goals).where(eq(goals.pairId, pairId)).all();
  const next = ctx.deps.db
    .select()
    .from(meetings)
    .where(
      and(
        eq(meetings.pairId, pairId),
        eq(meetings.status, 'scheduled'),
        gt(meetings.startsAt, ctx.now),
      ),
    )
    .orderBy(asc(meetings.startsAt))
    .get();
  const zone = ctx.user.timeZone ?? ctx.deps.config.ORG_TIMEZONE;
  return ctx.t('pair.status', {
    open: list.filter((g) => g.status === 'open').length,
    done: list.filter((g) => g.status === 'done').length,
    next: next
      ? formatSlot(next.startsAt, next.durationMin, zone, ctx.locale)
      : ctx.t('pair.noNext', { sprint: ctx.cmd('sprint') }),
  });
}

/** `/pair`: my partners and what they and I work on, plus proposals waiting for my answer. */
export const pairCommand: CommandSpec = {
  scope: 'dm',
  takesArgs: false,
  run(ctx) {
    if (!joined(ctx)) return;
    const me = ctx.user.id;
    const topics = listTopics(ctx.deps.db);
    const all = ctx.deps.db
      .select({ pair: pairs, proposal: proposals })
      .from(pairs)
      .leftJoin(proposals, eq(proposals.id, pairs.proposalId))
      .where(or(eq(pairs.mentorUserId, me), eq(pairs.menteeUserId, me)))
      .all();
    const active = all.filter((r) => r.pair.status === 'active');
    const lines = active.flatMap(({ pair, proposal }) => {
      const mentoring = pair.mentorUserId === me;
      const other = getUser(ctx.deps.db, mentoring ? pair.menteeUserId : pair.mentorUserId);
      if (!other) return [];
      const list = topicList(ctx.locale, topics, proposal?.reasons.topics ?? []) || '—';
      return [
        ctx.t(mentoring ? 'pair.asMentor' : 'pair.asMentee', { name: other.name, topics: list }),
        pairStatus(ctx, pair.id),
      ];
    });
    if (lines.length > 0)
      ctx.reply({ kind: 'text', title: ctx.t('pair.title'), text: lines.join('\n') });
    const pending = showPendingProposals(ctx);
    if (lines.length === 0 && pending === 0) ctx.reply({ kind: 'text', text: ctx.t('pair.none') });
    const earlier = all.filter((r) => r.pair.status === 'ended').slice(-EARLIER_PAIRS_SHOWN);
    if (earlier.length > 0) {
      ctx.reply({
        kind: 'text',
        text: [
          ctx.t('pair.earlierTitle'),
          ...earlier.map(({ pair }) => earlierLine(ctx, pair)),
        ].join('\n'),
      });
    }
  },
};

/** The most recent ended pairs /pair lists. */
const EARLIER_PAIRS_SHOWN = 5;

/** "• Lena Orlova: 3 sessions held, goals: 1 open, 1 done" — a partner who left included. */
function earlierLine(ctx: Ctx, pair: PairRow): string {
  const me = ctx.user.id;
  const other = getUser(
    ctx.deps.db,
    pair.mentorUserId === me ? pair.menteeUserId : pair.mentorUserId,
  );
  const held = ctx.deps.db
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.pairId, pair.id), eq(meetings.status, 'held')))
    .all().length;
  const list = ctx.deps.db.select().from(goals).where(eq(goals.pairId, pair.id)).all();
  return ctx.t('pair.earlier', {
    name: other?.name ?? ctx.t('user.formerLabel'),
    held,
    open: list.filter((g) => g.status === 'open').length,
    done: list.filter((g) => g.status === 'done').length,
  });
}
