import { and, eq } from 'drizzle-orm';
import { splitArgs } from '../../core/command-parser';
import type { Ctx } from '../../core/context';
import { first } from '../../db/first';
import { audit } from '../../db/queries/audit';
import { type UserRow, userRoles } from '../../db/schema';
import { hrPeople } from '../content/staff';
import { findOne } from '../matching/people';
import { notify } from '../notify';

/** `admin hr add|remove <person>`: grants or revokes the HR role (admins only). */
export async function adminHr(ctx: Ctx, rest: string): Promise<boolean> {
  const [verb, query, ...extra] = splitArgs(rest);
  if ((verb !== 'add' && verb !== 'remove') || !query || extra.length) return false;
  // A role is access to everyone's reports: granted to a whole name or id, not a guess.
  const person = await findOne(ctx, query, { anyone: true, whole: true });
  if (!person) return true;
  if (verb === 'add' && (await isAdmin(ctx, person))) {
    ctx.reply({ kind: 'text', text: ctx.t('roles.adminAlready', { name: person.name }) });
    return true;
  }
  const has = await first(
    ctx.tx
      .select()
      .from(userRoles)
      .where(and(eq(userRoles.userId, person.id), eq(userRoles.role, 'hr'))),
  );
  if (verb === 'add' ? has : !has) {
    ctx.reply({
      kind: 'text',
      text: ctx.t(verb === 'add' ? 'roles.alreadyHr' : 'roles.notHr', { name: person.name }),
    });
    return true;
  }
  if (verb === 'add')
    await ctx.tx.insert(userRoles).values({ userId: person.id, role: 'hr', grantedAt: ctx.now });
  else
    await ctx.tx
      .delete(userRoles)
      .where(and(eq(userRoles.userId, person.id), eq(userRoles.role, 'hr')));
  await audit(
    ctx.tx,
    { actorUserId: ctx.user.id, action: `role.hr.${verb}`, details: { user: person.id } },
    ctx.now,
  );
  // The person hears it from the bot, not by surprise: what they can do now, or no longer.
  if (person.id !== ctx.user.id)
    await notify(
      ctx.tx,
      ctx.deps,
      person,
      `role.hr.${verb}:${person.id}:${ctx.now.getTime()}`,
      (t) => ({
        kind: 'text',
        text: t(verb === 'add' ? 'roles.youAreHr' : 'roles.youAreNotHr', { name: ctx.user.name }),
      }),
      ctx.now,
    );
  ctx.reply({
    kind: 'text',
    text: ctx.t(verb === 'add' ? 'roles.added' : 'roles.removed', { name: person.name }),
  });
  return true;
}

/** `admin roles`: who is admin (from ADMIN_IDS or granted) and who is HR. */
export async function adminRoles(ctx: Ctx, rest: string): Promise<boolean> {
  if (rest !== '') return false;
  const db = ctx.tx;
  const admins: string[] = [];
  const hr: string[] = [];
  for (const person of await hrPeople(db, ctx.deps.config)) {
    const granted = (await db.select().from(userRoles).where(eq(userRoles.userId, person.id))).map(
      (r) => r.role,
    );
    const bootstrap = ctx.deps.config.ADMIN_IDS.some(
      (a) => a.platform === person.platform && a.id === person.platformUserId,
    );
    if (bootstrap || granted.includes('admin')) admins.push(person.name);
    else if (granted.includes('hr')) hr.push(person.name);
  }
  // ADMIN_IDS who never wrote to the bot are listed by their id.
  for (const a of ctx.deps.config.ADMIN_IDS) {
    const known = (await hrPeople(db, ctx.deps.config)).some(
      (u) => u.platform === a.platform && u.platformUserId === a.id,
    );
    if (!known) admins.push(`${a.platform}:${a.id}`);
  }
  ctx.reply({
    kind: 'text',
    text: ctx.t('roles.list', {
      admins: admins.sort().join(', ') || '—',
      hr: hr.sort().join(', ') || '—',
    }),
  });
  return true;
}

/** An admin (ADMIN_IDS or granted) can do everything HR can. */
async function isAdmin(ctx: Ctx, person: UserRow): Promise<boolean> {
  const bootstrap = ctx.deps.config.ADMIN_IDS.some(
    (a) => a.platform === person.platform && a.id === person.platformUserId,
  );
  if (bootstrap) return true;
  return Boolean(
    await first(
      ctx.tx
        .select()
        .from(userRoles)
        .where(and(eq(userRoles.userId, person.id), eq(userRoles.role, 'admin'))),
    ),
  );
}
