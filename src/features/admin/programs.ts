import { createHash } from 'node:crypto';
import { and, asc, eq, gt, gte, lte } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { encodeAction } from '../../core/actions';
import { isName, splitArgs } from '../../core/command-parser';
import type { Ctx } from '../../core/context';
import { formatDate, formatLongDay } from '../../core/format';
import { first, one } from '../../db/first';
import { putAppState } from '../../db/queries/app-state';
import { audit } from '../../db/queries/audit';
import { populationOf } from '../../db/queries/population';
import { appState, type ProgramRow, programs } from '../../db/schema';
import { CONFIRM_ACTION, inviteToFinalSurvey, surveyReach } from '../feedback/final-survey';
import { currentProgram, orgToday } from '../programs/service';

const NAME_MAX = 60;
const CADENCE_MAX = 90;

/**
 * The program of that name as people type it: "spring" is “Spring”, «весна» is «Весна».
 * Compared here, not by SQL's lower(), which on SQLite folds only ASCII; programs are few.
 */
async function programNamed(ctx: Ctx, name: string) {
  const wanted = name.trim().toLocaleLowerCase();
  const all = await ctx.tx.select().from(programs).orderBy(asc(programs.id));
  return all.find((p) => p.name.trim().toLocaleLowerCase() === wanted);
}

const isDay = (v: string | undefined): v is string =>
  Boolean(v && /^\d{4}-\d{2}-\d{2}$/.test(v) && DateTime.fromISO(v).isValid);

/** `admin program new "<name>" <start> <end> [cadence days]`, `list`, `end "<name>"`. */
export async function adminProgram(ctx: Ctx, rest: string): Promise<boolean> {
  const [verb, ...args] = splitArgs(rest);
  if (verb === 'new') return await newProgram(ctx, args);
  if (verb === 'list' && args.length === 0) return await listPrograms(ctx);
  if (verb === 'end' && args.length === 1) return await endProgram(ctx, args[0] ?? '');
  return false;
}

/** A program as `admin program new` describes it, before it exists. */
const programDraft = z.strictObject({
  name: z.string(),
  start: z.string(),
  end: z.string(),
  cadence: z.number().int().nullable(),
});
type ProgramDraft = z.infer<typeof programDraft>;

/** Where a draft waits for its admin's confirmation (one per admin; a new one replaces it). */
const draftKey = (userId: number) => `admin.program-draft:${userId}`;
/** Names the draft on its button, so a button of a replaced draft is recognised as stale. */
const draftToken = (draft: ProgramDraft) =>
  createHash('sha1').update(JSON.stringify(draft)).digest('base64url').slice(0, 10);

async function newProgram(ctx: Ctx, args: string[]): Promise<boolean> {
  const [name, start, end, cadence, ...extra] = args;
  if (name === undefined || !start || !end || extra.length) return false;
  const badCadence =
    cadence !== undefined &&
    !(/^\d+$/.test(cadence) && Number(cadence) >= 1 && Number(cadence) <= CADENCE_MAX);
  const problem = !isName(name)
    ? ctx.t('program.error.blank')
    : name.length > NAME_MAX
      ? ctx.t('program.error.name', { max: NAME_MAX })
      : !isDay(start) || !isDay(end)
        ? ctx.t('program.error.dates')
        : end <= start
          ? ctx.t('program.error.order')
          : badCadence
            ? ctx.t('program.error.cadence', { max: CADENCE_MAX })
            : undefined;
  if (problem) {
    ctx.reply({ kind: 'text', text: problem });
    return true;
  }
  const draft: ProgramDraft = { name, start, end, cadence: cadence ? Number(cadence) : null };
  const final = await draftProblem(ctx, draft);
  if (final) {
    ctx.reply({ kind: 'text', text: final });
    return true;
  }
  // Dates that change who belongs where are said first, and created only once confirmed.
  const warnings = await draftWarnings(ctx, draft);
  if (warnings.length === 0) {
    await createProgram(ctx, draft);
    return true;
  }
  await putAppState(ctx.tx, draftKey(ctx.user.id), draft, ctx.now);
  ctx.reply({
    kind: 'text',
    text: [ctx.t('program.confirmNew', { name }), ...warnings.map((w) => `• ${w}`)].join('\n'),
    buttons: [
      {
        label: ctx.t('program.button.create'),
        data: encodeAction(CONFIRM_ACTION, ctx.user.id, 'new', draftToken(draft)),
        style: 'primary',
      },
      {
        label: ctx.t('broadcast.button.cancel'),
        data: encodeAction(CONFIRM_ACTION, ctx.user.id, 'no'),
      },
    ],
  });
  return true;
}

/** What makes a program impossible: a taken name, or dates already over. */
async function draftProblem(ctx: Ctx, draft: ProgramDraft): Promise<string | undefined> {
  const taken = await programNamed(ctx, draft.name);
  if (taken) return ctx.t('program.error.exists', { name: taken.name });
  const today = orgToday(ctx.now, ctx.deps.config.ORG_TIMEZONE);
  if (draft.end < today)
    return ctx.t('program.error.over', { end: day(ctx, draft.end), today: day(ctx, today) });
  return undefined;
}

/** What an admin should know before creating it: a start that has passed, overlapping programs. */
async function draftWarnings(ctx: Ctx, draft: ProgramDraft): Promise<string[]> {
  const today = orgToday(ctx.now, ctx.deps.config.ORG_TIMEZONE);
  const warnings: string[] = [];
  if (draft.start < today)
    warnings.push(
      ctx.t('program.warn.pastStart', { start: day(ctx, draft.start), today: day(ctx, today) }),
    );
  const overlapping = await ctx.tx
    .select()
    .from(programs)
    .where(
      and(
        eq(programs.status, 'active'),
        lte(programs.startDate, draft.end),
        gte(programs.endDate, draft.start),
      ),
    )
    .orderBy(asc(programs.startDate));
  for (const other of overlapping) {
    // While both run, volunteers join the one that started later, of a day the newer one
    // (see currentProgram).
    const later = other.startDate > draft.start ? other.name : draft.name;
    const dates = {
      other: other.name,
      start: day(ctx, other.startDate),
      end: day(ctx, other.endDate),
    };
    warnings.push(
      other.startDate === draft.start
        ? ctx.t('program.warn.sameStart', { ...dates, newer: draft.name })
        : ctx.t('program.warn.overlap', { ...dates, later }),
    );
  }
  // A nudge that can never come: the program is over before the first one is due.
  const days = DateTime.fromISO(draft.end).diff(DateTime.fromISO(draft.start), 'days').days + 1;
  const cadence = draft.cadence ?? ctx.deps.config.CADENCE_DAYS;
  if (cadence >= days) warnings.push(ctx.t('program.warn.cadence', { cadence, days }));
  return warnings;
}

async function createProgram(
  ctx: Ctx,
  draft: ProgramDraft,
  options: { replace?: boolean } = {},
): Promise<void> {
  const { name, start, end, cadence } = draft;
  const row = await one(
    ctx.tx
      .insert(programs)
      .values({
        name,
        startDate: start,
        endDate: end,
        cadenceDays: cadence,
        createdBy: ctx.user.id,
        createdAt: ctx.now,
      })
      .returning(),
  );
  await audit(
    ctx.tx,
    { actorUserId: ctx.user.id, action: 'program.created', details: { program: row.id, name } },
    ctx.now,
  );
  ctx.reply(
    {
      kind: 'text',
      text: [
        ctx.t('program.created', {
          name,
          start: day(ctx, start),
          end: day(ctx, end),
          cadence: cadence ?? ctx.deps.config.CADENCE_DAYS,
        }),
        await whoJoins(ctx, row),
      ].join(' '),
    },
    options,
  );
}

/**
 * Who joins the new program, as `currentProgram` will decide: while one that started later
 * runs too, new volunteers go there, so the confirmation says so rather than "it".
 */
async function whoJoins(ctx: Ctx, program: ProgramRow): Promise<string> {
  const zone = ctx.deps.config.ORG_TIMEZONE;
  const today = orgToday(ctx.now, zone);
  if (program.startDate <= today) {
    const current = await currentProgram(ctx.tx, ctx.now, zone);
    if (current && current.id !== program.id)
      return ctx.t('program.joinOther', { other: current.name, end: day(ctx, current.endDate) });
    // A start already past cannot take in those who joined since (see the warning).
    return program.startDate < today
      ? ctx.t('program.joinFromNow')
      : ctx.t('program.joinFrom', { start: day(ctx, program.startDate) });
  }
  // Not started yet: one starting later, before this one ends, takes over on its start.
  const next = await first(
    ctx.tx
      .select()
      .from(programs)
      .where(
        and(
          eq(programs.status, 'active'),
          gt(programs.startDate, program.startDate),
          lte(programs.startDate, program.endDate),
        ),
      )
      .orderBy(asc(programs.startDate))
      .limit(1),
  );
  return next
    ? ctx.t('program.joinUntil', {
        start: day(ctx, program.startDate),
        other: next.name,
        otherStart: day(ctx, next.startDate),
      })
    : ctx.t('program.joinFrom', { start: day(ctx, program.startDate) });
}

/** The admin confirmed a program whose dates were questioned: create it, if still the same draft. */
export async function confirmNewProgram(ctx: Ctx, token: string): Promise<void> {
  const key = draftKey(ctx.user.id);
  const row = await first(ctx.tx.select().from(appState).where(eq(appState.key, key)));
  const parsed = programDraft.safeParse(row?.value);
  if (!parsed.success || draftToken(parsed.data) !== token) {
    ctx.reply({ kind: 'text', text: ctx.t('admin.confirmStale') }, { replace: true });
    return;
  }
  await ctx.tx.delete(appState).where(eq(appState.key, key));
  // Anything that changed meanwhile (the name taken, the end passed) still stops it.
  const problem = await draftProblem(ctx, parsed.data);
  if (problem) {
    ctx.reply({ kind: 'text', text: problem }, { replace: true });
    return;
  }
  await createProgram(ctx, parsed.data, { replace: true });
}

async function listPrograms(ctx: Ctx): Promise<boolean> {
  const list = await ctx.tx.select().from(programs).orderBy(asc(programs.startDate));
  ctx.reply({
    kind: 'text',
    text: list.length
      ? [
          ctx.t('program.listTitle'),
          ...list.map((p) =>
            ctx.t('program.line', {
              name: p.name,
              start: day(ctx, p.startDate),
              end: day(ctx, p.endDate),
              cadence: p.cadenceDays ?? ctx.deps.config.CADENCE_DAYS,
              status:
                p.status === 'ended'
                  ? ctx.t('program.endedOn', {
                      date: p.endedAt
                        ? formatDate(p.endedAt, ctx.locale, ctx.deps.config.ORG_TIMEZONE)
                        : day(ctx, p.endDate),
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
async function endProgram(ctx: Ctx, name: string): Promise<boolean> {
  const program = await programNamed(ctx, name);
  if (!program) {
    ctx.reply({ kind: 'text', text: ctx.t('program.notFound', { name }) });
    return true;
  }
  if (program.status === 'ended') {
    ctx.reply({ kind: 'text', text: ctx.t('program.alreadyEnded', { name: program.name }) });
    return true;
  }
  const reach = await surveyReach(ctx.tx, populationOf(ctx.deps.config), String(program.id));
  const today = orgToday(ctx.now, ctx.deps.config.ORG_TIMEZONE);
  ctx.reply({
    kind: 'text',
    // Not started yet: ending it calls it off, and a survey about it would make no sense.
    text:
      program.startDate > today && reach.fresh === 0
        ? ctx.t('program.confirmCallOff', {
            name: program.name,
            start: day(ctx, program.startDate),
          })
        : ctx.t('program.confirmEnd', {
            name: program.name,
            end: day(ctx, program.endDate),
            n: reach.fresh,
          }),
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
export async function finishProgram(ctx: Ctx, id: number): Promise<void> {
  const program = await first(ctx.tx.select().from(programs).where(eq(programs.id, id)));
  if (!program || program.status === 'ended') {
    ctx.reply({ kind: 'text', text: ctx.t('admin.confirmStale') }, { replace: true });
    return;
  }
  await ctx.tx
    .update(programs)
    .set({ status: 'ended', endedAt: ctx.now })
    .where(eq(programs.id, program.id));
  await audit(
    ctx.tx,
    { actorUserId: ctx.user.id, action: 'program.ended', details: { program: program.id } },
    ctx.now,
  );
  const invited = await inviteToFinalSurvey(ctx, String(program.id), ctx.user.id);
  const notStarted = program.startDate > orgToday(ctx.now, ctx.deps.config.ORG_TIMEZONE);
  ctx.reply(
    {
      kind: 'text',
      text:
        notStarted && invited === 0
          ? ctx.t('program.calledOff', { name: program.name })
          : ctx.t('program.endedDone', { name: program.name, n: invited }),
    },
    { replace: true },
  );
}

/** A program's day (stored as YYYY-MM-DD) as the admin reads it: "30 May 2027" / "30 мая 2027". */
function day(ctx: Ctx, iso: string): string {
  return formatLongDay(iso, ctx.locale);
}
