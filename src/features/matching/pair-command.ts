import { and, asc, eq, gt, or } from 'drizzle-orm';
import type { Ctx } from '../../core/context';
import type { CommandSpec } from '../../core/registry';
import type { Reply } from '../../core/replies';
import { listTopics } from '../../db/queries/profiles';
import { getUser } from '../../db/queries/users';
import { goals, meetings, pairs, proposals } from '../../db/schema';
import { joined } from '../joined';
import { formatSlot } from '../scheduling/when';
import { topicList } from './describe';
import { proposalMessage } from './service';

/**
 * Open proposals still waiting for this person's answer, each as its message with the
 * Accept / Decline buttons — for /pair, for arriving in the console, and for the App Home.
 */
export function pendingProposals(ctx: Ctx): Reply[] {
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
  return waiting.flatMap((p) => {
    const side = p.mentorUserId === me ? 'mentor' : 'mentee';
    const other = getUser(ctx.deps.db, side === 'mentor' ? p.menteeUserId : p.mentorUserId);
    if (!other) return [];
    return [
      proposalMessage(
        ctx.deps.db,
        ctx.deps,
        p,
        { me: ctx.user, other, side, topics },
        ctx.t,
        ctx.locale,
      ),
    ];
  });
}

/**
 * Shows the proposals waiting for this person's answer again, with their buttons — so
 * nothing is lost when a message scrolls away or the console restarts.
 */
export function showPendingProposals(ctx: Ctx): number {
  const waiting = pendingProposals(ctx);
  for (const reply of waiting) ctx.reply(reply);
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

/**
 * My active pairs, two lines each: who (and the topics), then the goals and the next
 * session in my zone. Empty when I have no partner.
 */
export function pairLines(ctx: Ctx): string[] {
  const me = ctx.user.id;
  const topics = listTopics(ctx.deps.db);
  const active = ctx.deps.db
    .select({ pair: pairs, proposal: proposals })
    .from(pairs)
    .leftJoin(proposals, eq(proposals.id, pairs.proposalId))
    .where(or(eq(pairs.mentorUserId, me), eq(pairs.menteeUserId, me)))
    .all()
    .filter((r) => r.pair.status === 'active');
  return active.flatMap(({ pair, proposal }) => {
    const mentoring = pair.mentorUserId === me;
    const other = getUser(ctx.deps.db, mentoring ? pair.menteeUserId : pair.mentorUserId);
    if (!other) return [];
    const list = topicList(ctx.locale, topics, proposal?.reasons.topics ?? []) || '—';
    return [
      ctx.t(mentoring ? 'pair.asMentor' : 'pair.asMentee', { name: other.name, topics: list }),
      pairStatus(ctx, pair.id),
    ];
  });
}

/** `/pair`: my partners and what they and I work on, plus proposals waiting for my answer. */
export const pairCommand: CommandSpec = {
  scope: 'dm',
  takesArgs: false,
  run(ctx) {
    if (!joined(ctx)) return;
    const lines = pairLines(ctx);
    if (lines.length > 0)
      ctx.reply({ kind: 'text', title: ctx.t('pair.title'), text: lines.join('\n') });
    const pending = showPendingProposals(ctx);
    if (lines.length === 0 && pending === 0) ctx.reply({ kind: 'text', text: ctx.t('pair.none') });
  },
};
