import { and, asc, eq, gt, or } from 'drizzle-orm';
import type { Ctx } from '../../core/context';
import { formatDayTime } from '../../core/format';
import type { CommandSpec } from '../../core/registry';
import type { Reply } from '../../core/replies';
import { first } from '../../db/first';
import { getProfile, listTopics } from '../../db/queries/profiles';
import { getUser } from '../../db/queries/users';
import { goals, meetings, type PairRow, pairs, proposals } from '../../db/schema';
import { notWorkingButton, waitingFitQuestions, waitingPolls } from '../feedback/poll';
import { joined } from '../joined';
import { unconfirmedQuestions } from '../scheduling/commands';
import { formatSlot } from '../scheduling/when';
import { topicList } from './describe';
import { sharedTopics } from './pool';
import { nextStep, proposalMessage } from './service';

/** My open proposals (not expired), with my answer so far. */
async function openProposals(ctx: Ctx) {
  const me = ctx.user.id;
  const mine = await ctx.tx
    .select()
    .from(proposals)
    .where(or(eq(proposals.mentorUserId, me), eq(proposals.menteeUserId, me)));
  return mine
    .filter((p) => p.status === 'open' && p.expiresAt > ctx.now)
    .map((p) => ({ p, mine: p.mentorUserId === me ? p.mentorAnswer : p.menteeAnswer }));
}

/**
 * Open proposals still waiting for this person's answer, each as its message with the
 * Accept / Decline buttons — for /pair, for arriving in the console, and for the App Home.
 */
export async function pendingProposals(ctx: Ctx): Promise<Reply[]> {
  const me = ctx.user.id;
  const topics = await listTopics(ctx.tx);
  const waiting = (await openProposals(ctx))
    .filter(({ mine }) => mine === 'pending')
    .map(({ p }) => p);
  const replies: Reply[] = [];
  for (const p of waiting) {
    const side = p.mentorUserId === me ? 'mentor' : 'mentee';
    const other = await getUser(ctx.tx, side === 'mentor' ? p.menteeUserId : p.mentorUserId);
    if (!other) continue;
    const otherProfile = (await getProfile(ctx.tx, other.id))?.profile;
    replies.push(
      proposalMessage(
        ctx.deps,
        p,
        { me: ctx.user, other, otherProfile, side, topics },
        ctx.t,
        ctx.locale,
      ),
    );
  }
  return replies;
}

/**
 * Shows the proposals waiting for this person's answer again, with their buttons — so
 * nothing is lost when a message scrolls away or the console restarts.
 */
export async function showPendingProposals(ctx: Ctx): Promise<number> {
  const waiting = await pendingProposals(ctx);
  for (const reply of waiting) ctx.reply(reply);
  return waiting.length;
}

/**
 * Arriving (the console's start and /as; any step-by-step platform): everything that waits
 * for this person's answer, with its buttons — proposals, sessions to confirm, the fit
 * question — so no question is lost when its message scrolled away or the process restarted.
 */
export async function showWhatWaits(ctx: Ctx): Promise<void> {
  await showPendingProposals(ctx);
  const waiting = [
    ...(await unconfirmedQuestions(ctx)),
    ...(await waitingPolls(ctx)),
    ...(await waitingFitQuestions(ctx)),
  ];
  for (const reply of waiting) ctx.reply(reply);
}

/** "Goals: 1 open, 2 done · next: Thu, 3 Dec, 15:00–17:00" for one pair, in my zone. */
async function pairStatus(ctx: Ctx, pairId: number): Promise<string> {
  const list = await ctx.tx.select().from(goals).where(eq(goals.pairId, pairId));
  const next = await first(
    ctx.tx
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
      .limit(1),
  );
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
export async function pairLines(ctx: Ctx): Promise<string[]> {
  return (await activePairLines(ctx)).lines;
}

/** `pairLines`, and each partner (pair id and name) for the buttons /pair shows. */
async function activePairLines(
  ctx: Ctx,
): Promise<{ lines: string[]; partners: { pairId: number; name: string }[] }> {
  const me = ctx.user.id;
  const topics = await listTopics(ctx.tx);
  const mine = await ctx.tx
    .select({ pair: pairs, proposal: proposals })
    .from(pairs)
    .leftJoin(proposals, eq(proposals.id, pairs.proposalId))
    .where(or(eq(pairs.mentorUserId, me), eq(pairs.menteeUserId, me)));
  const lines: string[] = [];
  const partners: { pairId: number; name: string }[] = [];
  for (const { pair, proposal } of mine.filter((r) => r.pair.status === 'active')) {
    const mentoring = pair.mentorUserId === me;
    const other = await getUser(ctx.tx, mentoring ? pair.menteeUserId : pair.mentorUserId);
    if (!other) continue;
    // A pair made by hand has no proposal: the topics they share say what it is about.
    const ids = proposal?.reasons.topics ?? (await sharedTopics(ctx.tx, pair));
    const list = topicList(ctx.locale, topics, ids) || ctx.t('pair.noSharedTopic');
    lines.push(
      ctx.t(mentoring ? 'pair.asMentor' : 'pair.asMentee', { name: other.name, topics: list }),
      await pairStatus(ctx, pair.id),
    );
    partners.push({ pairId: pair.id, name: other.name });
  }
  return { lines, partners };
}

/**
 * Proposals I accepted whose other side has not answered yet: whom I wait for, and until when
 * (in my zone). For /pair and the App Home.
 */
export async function waitingLines(ctx: Ctx): Promise<string[]> {
  const me = ctx.user.id;
  const zone = ctx.user.timeZone ?? ctx.deps.config.ORG_TIMEZONE;
  const lines: string[] = [];
  for (const { p, mine } of await openProposals(ctx)) {
    if (mine !== 'accepted') continue;
    const other = await getUser(ctx.tx, p.mentorUserId === me ? p.menteeUserId : p.mentorUserId);
    if (!other) continue;
    lines.push(
      ctx.t('pair.waitingFor', {
        name: other.name,
        until: formatDayTime(p.expiresAt, zone, ctx.locale),
      }),
    );
  }
  return lines;
}

/** `/pair`: my partners and what they and I work on, plus proposals waiting for my answer. */
export const pairCommand: CommandSpec = {
  scope: 'dm',
  takesArgs: false,
  async run(ctx) {
    if (!(await joined(ctx))) return;
    const { lines, partners } = await activePairLines(ctx);
    const waitingFor = await waitingLines(ctx);
    if (lines.length > 0)
      ctx.reply({
        kind: 'text',
        title: ctx.t('pair.title'),
        text: [...lines, ...waitingFor].join('\n'),
        // A way out of a pair that isn't working, without leaving the program.
        buttons: partners.map((p) => notWorkingButton(ctx.t, ctx.user.id, p.pairId, p.name)),
        shortcuts: true,
      });
    else if (waitingFor.length > 0) ctx.reply({ kind: 'text', text: waitingFor.join('\n') });
    const pending = await showPendingProposals(ctx);
    if (lines.length === 0 && waitingFor.length === 0 && pending === 0)
      ctx.reply({
        kind: 'text',
        text: ctx.t('pair.none', {
          next: await nextStep(ctx.tx, ctx.deps, ctx.user, ctx.now, ctx.t, ctx.locale),
        }),
      });
    const ended = await ctx.tx
      .select()
      .from(pairs)
      .where(
        and(
          or(eq(pairs.mentorUserId, ctx.user.id), eq(pairs.menteeUserId, ctx.user.id)),
          eq(pairs.status, 'ended'),
        ),
      )
      .orderBy(asc(pairs.id));
    const earlier = ended.slice(-EARLIER_PAIRS_SHOWN);
    if (earlier.length > 0) {
      const lines = [ctx.t('pair.earlierTitle')];
      for (const pair of earlier) lines.push(await earlierLine(ctx, pair));
      ctx.reply({ kind: 'text', text: lines.join('\n') });
    }
  },
};

/** The most recent ended pairs /pair lists. */
const EARLIER_PAIRS_SHOWN = 5;

/** "• Lena Orlova: 3 sessions held, goals: 1 open, 1 done" — a partner who left included. */
async function earlierLine(ctx: Ctx, pair: PairRow): Promise<string> {
  const me = ctx.user.id;
  const other = await getUser(
    ctx.tx,
    pair.mentorUserId === me ? pair.menteeUserId : pair.mentorUserId,
  );
  const held = (
    await ctx.tx
      .select({ id: meetings.id })
      .from(meetings)
      .where(and(eq(meetings.pairId, pair.id), eq(meetings.status, 'held')))
  ).length;
  const list = await ctx.tx.select().from(goals).where(eq(goals.pairId, pair.id));
  return ctx.t('pair.earlier', {
    name: other?.name ?? ctx.t('user.formerLabel'),
    held,
    open: list.filter((g) => g.status === 'open').length,
    done: list.filter((g) => g.status === 'done').length,
  });
}
