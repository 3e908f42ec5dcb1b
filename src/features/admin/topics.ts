import { eq } from 'drizzle-orm';
import { isName, splitArgs } from '../../core/command-parser';
import type { Ctx } from '../../core/context';
import { first } from '../../db/first';
import { audit } from '../../db/queries/audit';
import { listTopics } from '../../db/queries/profiles';
import { topics } from '../../db/schema';

const LABEL_MAX = 60;
const ID_PATTERN = /^[a-z][a-z0-9_]{1,30}$/;

/** `admin topics add <id> "<English>" "<Russian>"`, `admin topics rename <id> "<English>" "<Russian>"`. */
export async function adminTopics(ctx: Ctx, rest: string): Promise<boolean> {
  const [verb, id, en, ru, ...extra] = splitArgs(rest);
  // `admin topics` alone, or `list`: the catalog with its ids, which add and rename take.
  if (verb === undefined || (verb === 'list' && id === undefined)) {
    const catalog = await listTopics(ctx.tx);
    ctx.reply({
      kind: 'text',
      text: [
        ctx.t('topics.listTitle'),
        ...catalog.map((t) => `• ${t.id} — ${t.nameEn} / ${t.nameRu}`),
        ctx.t('topics.listHint', { admin: ctx.cmd('admin') }),
      ].join('\n'),
    });
    return true;
  }
  if ((verb !== 'add' && verb !== 'rename') || !id || en === undefined || ru === undefined)
    return false;
  if (extra.length) return false;
  if (!isName(en) || !isName(ru)) {
    ctx.reply({ kind: 'text', text: ctx.t('topics.error.name') });
    return true;
  }
  if (!ID_PATTERN.test(id)) {
    ctx.reply({ kind: 'text', text: ctx.t('topics.error.id') });
    return true;
  }
  if (en.length > LABEL_MAX || ru.length > LABEL_MAX) {
    ctx.reply({ kind: 'text', text: ctx.t('topics.error.label', { max: LABEL_MAX }) });
    return true;
  }
  const existing = await first(ctx.tx.select().from(topics).where(eq(topics.id, id)));
  if (verb === 'add' && existing) {
    ctx.reply({ kind: 'text', text: ctx.t('topics.exists', { id }) });
    return true;
  }
  if (verb === 'rename' && !existing) {
    ctx.reply({ kind: 'text', text: ctx.t('topics.notFound', { id }) });
    return true;
  }
  // Two topics of one name look like one in every form and list: people would pick either.
  const same = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();
  const taken = (await listTopics(ctx.tx)).find(
    (t) => t.id !== id && (same(t.nameEn, en) || same(t.nameRu, ru)),
  );
  if (taken) {
    ctx.reply({ kind: 'text', text: ctx.t('topics.nameTaken', { id: taken.id }) });
    return true;
  }
  if (verb === 'add') await ctx.tx.insert(topics).values({ id, nameEn: en, nameRu: ru });
  else await ctx.tx.update(topics).set({ nameEn: en, nameRu: ru }).where(eq(topics.id, id));
  await audit(
    ctx.tx,
    {
      actorUserId: ctx.user.id,
      action: `topic.${verb === 'add' ? 'added' : 'renamed'}`,
      details: { topic: id },
    },
    ctx.now,
  );
  ctx.reply({
    kind: 'text',
    text: ctx.t(verb === 'add' ? 'topics.added' : 'topics.renamed', { id, en, ru }),
  });
  return true;
}
