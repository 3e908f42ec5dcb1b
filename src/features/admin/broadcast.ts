import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { arg, encodeAction } from '../../core/actions';
import type { Ctx } from '../../core/context';
import { type ActionSpec, action } from '../../core/registry';
import type { DbOrTx } from '../../db/client';
import { first, one } from '../../db/first';
import { audit } from '../../db/queries/audit';
import { type Population, populationOf, userIn } from '../../db/queries/population';
import { broadcasts, profiles, type UserRow, users } from '../../db/schema';
import { notify } from '../notify';

export const BROADCAST_ACTION = 'admin.send';
const TEXT_MAX = 2000;

/** Everyone who joined and can still be reached (of the people this start serves). */
async function audience(db: DbOrTx, population: Population): Promise<UserRow[]> {
  return (
    await db
      .select({ user: users })
      .from(profiles)
      .innerJoin(users, eq(users.id, profiles.userId))
      .where(and(isNull(users.unreachableAt), userIn(population, users.id)))
  ).map((r) => r.user);
}

/** `admin broadcast <text>`: drafts an announcement and asks to confirm with the head count. */
export async function adminBroadcast(ctx: Ctx, rest: string): Promise<boolean> {
  if (!rest) return false;
  if (rest.length > TEXT_MAX) {
    ctx.reply({ kind: 'text', text: ctx.t('broadcast.tooLong', { max: TEXT_MAX }) });
    return true;
  }
  const count = (await audience(ctx.tx, populationOf(ctx.deps.config))).length;
  const draft = await one(
    ctx.tx
      .insert(broadcasts)
      .values({ text: rest, byUserId: ctx.user.id, recipients: count, createdAt: ctx.now })
      .returning(),
  );
  ctx.reply({
    kind: 'text',
    text: ctx.t('broadcast.confirm', { n: count, text: rest }),
    buttons: [
      {
        label: ctx.t('broadcast.button.send', { n: count }),
        data: encodeAction(BROADCAST_ACTION, ctx.user.id, String(draft.id), 'y'),
        style: 'primary',
      },
      {
        label: ctx.t('broadcast.button.cancel'),
        data: encodeAction(BROADCAST_ACTION, ctx.user.id, String(draft.id), 'n'),
      },
    ],
  });
  return true;
}

export const broadcastActions = {
  [BROADCAST_ACTION]: action(
    z.tuple([arg.id, arg.oneOf(['y', 'n'])]),
    async (ctx, [id, answer]) => {
      if (!ctx.roles.has('admin')) {
        ctx.reply({ kind: 'text', text: ctx.t('command.adminOnly') });
        return;
      }
      const draft = await first(
        ctx.tx
          .select()
          .from(broadcasts)
          .where(and(eq(broadcasts.id, id), eq(broadcasts.status, 'draft'))),
      );
      if (!draft) {
        ctx.reply({ kind: 'text', text: ctx.t('broadcast.done') }, { replace: true });
        return;
      }
      if (answer !== 'y') {
        await ctx.tx
          .update(broadcasts)
          .set({ status: 'cancelled' })
          .where(eq(broadcasts.id, draft.id));
        ctx.reply({ kind: 'text', text: ctx.t('broadcast.cancelled') }, { replace: true });
        return;
      }
      const people = await audience(ctx.tx, populationOf(ctx.deps.config));
      for (const person of people) {
        // Keyed per broadcast and person: a second press or a retry queues nothing new.
        await notify(
          ctx.tx,
          ctx.deps,
          person,
          `broadcast:${draft.id}:${person.id}`,
          (t) => ({ kind: 'text', title: t('broadcast.title'), text: draft.text }),
          ctx.now,
        );
      }
      await ctx.tx
        .update(broadcasts)
        .set({ status: 'sent', recipients: people.length, sentAt: ctx.now })
        .where(eq(broadcasts.id, draft.id));
      await audit(
        ctx.tx,
        {
          actorUserId: ctx.user.id,
          action: 'broadcast.sent',
          details: { broadcast: draft.id, recipients: people.length },
        },
        ctx.now,
      );
      const sent = people.length;
      ctx.reply({ kind: 'text', text: ctx.t('broadcast.sent', { n: sent }) }, { replace: true });
    },
  ),
} satisfies Record<string, ActionSpec>;
