import { asc, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { encodeAction } from '../../core/actions';
import { splitArgs } from '../../core/command-parser';
import type { Ctx } from '../../core/context';
import { audit } from '../../db/queries/audit';
import { programs } from '../../db/schema';
import { CONFIRM_ACTION, inviteToFinalSurvey, surveyReach } from '../feedback/final-survey';
import { orgToday } from '../programs/service';

const NAME_MAX = 60;
const CADENCE_MAX = 90;

const isDay = (v: string | undefined): v is string =>
  Boolean(v && /^\d{4}-\d{2}-\d{2}$/.test(v) && DateTime.fromISO(v).isValid);

/** `admin program new "<name>" <start> <end> [cadence days]`, `list`, `end "<name>"`. */
export function adminProgram(ctx: Ctx, rest: string): boolean {
  const [verb, ...args] = splitArgs(rest);
  if (verb === 'new') return newProgram(ctx, args);
  if (verb === 'list' && args.length === 0) return listPrograms(ctx);
  if (verb === 'end' && args.length === 1) return endProgram(ctx, args[0] ?? '');
  return false;
}

function newProgram(ctx: Ctx, args: string[]): boolean {
  const [name, start, end, cadence, ...extra] = args;
  if (!name || !start || !end || extra.length) return false;
  const problem =
    name.length > NAME_MAX
      ? ctx.t('program.error.name', { max: NAME_MAX })
      : !isDay(start) || !isDay(end)
        ? ctx.t('program.error.dates')
        : end <= start
          ? ctx.t('program.error.order')
          : cadence !== undefined &&
              !(/^\d+$/.test(cadence) && Number(cadence) >= 1 && Number(cadence) <= CADENCE_MAX)
            ? ctx.t('program.error.cadence', { max: CADENCE_MAX })
            : ctx.deps.db.select().from(programs).where(eq(programs.name, name)).get()
              ? ctx.t('program.error.exists', { name })
              : undefined;
  if (problem) {
    ctx.reply({ kind: 'text', text: problem });
    return true;
  }
  ctx.deps.db.transaction((tx) => {
    const row = tx
      .insert(programs)
      .values({
        name,
        startDate: start,
        endDate: end,
        cadenceDays: cadence ? Number(cadence) : null,
        createdBy: ctx.user.id,
        createdAt: ctx.now,
      })
      .returning()
      .get();
    audit(
      tx,
      { actorUserId: ctx.user.id, action: 'program.created', details: { program: row.id, name } },
      ctx.now,
    );
  });
  ctx.reply({
    kind: 'text',
    text: ctx.t('program.created', {
      name,
      start,
      end,
      cadence: cadence ? Number(cadence) : ctx.deps.config.CADENCE_DAYS,
    }),
  });
  return true;
}

function listPrograms(ctx: Ctx): boolean {
  const list = ctx.deps.db.select().from(programs).orderBy(asc(programs.startDate)).all();
  ctx.reply({
    kind: 'text',
    text: list.length
      ? [
          ctx.t('program.listTitle'),
          ...list.map((p) =>
            ctx.t('program.line', {
              name: p.name,
              start: p.startDate,
              end: p.endDate,
              cadence: p.cadenceDays ?? ctx.deps.config.CADENCE_DAYS,
              status:
                p.status === 'ended'
                  ? ctx.t('program.endedOn', {
                      date: p.endedAt
                        ? (DateTime.fromJSDate(p.endedAt, {
                            zone: ctx.deps.config.ORG_TIMEZONE,
                          }).toISODate() ?? '')
                        : p.endDate,
                    })
                  : p.startDate > orgToday(ctx.now, ctx.deps.config.ORG_TIMEZONE)
                    ? ctx.t('program.upcoming')
                    : ctx.t('program.active'),
            }),
          ),
        ].join('\n')
      : ctx.t('program.none', { admin: ctx.cmd('admin') }),
  });
  return true;
}

/** Asks to confirm ending a program, saying what will happen. */
function endProgram(ctx: Ctx, name: string): boolean {
  const program = ctx.deps.db.select().from(programs).where(eq(programs.name, name)).get();
  if (!program) {
    ctx.reply({ kind: 'text', text: ctx.t('program.notFound', { name }) });
    return true;
  }
  if (program.status === 'ended') {
    ctx.reply({ kind: 'text', text: ctx.t('program.alreadyEnded', { name }) });
    return true;
  }
  const reach = surveyReach(ctx.deps.db, String(program.id));
  ctx.reply({
    kind: 'text',
    text: ctx.t('program.confirmEnd', { name, end: program.endDate, n: reach.fresh }),
    buttons: [
      {
        label: ctx.t('program.button.end'),
        data: encodeAction(CONFIRM_ACTION, ctx.user.id, 'end', String(program.id)),
        style: 'danger',
      },
      {
        label: ctx.t('broadcast.button.cancel'),
        data: encodeAction(CONFIRM_ACTION, ctx.user.id, 'no'),
      },
    ],
  });
  return true;
}

/** Ends a program now: its participants get the final survey (once). */
export function finishProgram(ctx: Ctx, id: number): void {
  const program = ctx.deps.db.select().from(programs).where(eq(programs.id, id)).get();
  if (!program || program.status === 'ended') {
    ctx.reply({ kind: 'text', text: ctx.t('admin.confirmStale') }, { replace: true });
    return;
  }
  ctx.deps.db.transaction((tx) => {
    tx.update(programs)
      .set({ status: 'ended', endedAt: ctx.now })
      .where(eq(programs.id, program.id))
      .run();
    audit(
      tx,
      { actorUserId: ctx.user.id, action: 'program.ended', details: { program: program.id } },
      ctx.now,
    );
  });
  const invited = inviteToFinalSurvey(ctx, String(program.id), ctx.user.id);
  ctx.reply(
    { kind: 'text', text: ctx.t('program.endedDone', { name: program.name, n: invited }) },
    { replace: true },
  );
}
