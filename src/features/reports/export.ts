import type * as CsvStringify from 'csv-stringify/sync';
import { and, lt } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Config } from '../../config';
import { type Locale, translator } from '../../core/i18n';
import { lazyRequire } from '../../core/lazy';
import type { CommandSpec } from '../../core/registry';
import type { FileMessage } from '../../core/replies';
import type { Db } from '../../db/client';
import { audit } from '../../db/queries/audit';
import { type Population, populationOf, userIn } from '../../db/queries/population';
import { exportTableRows } from '../../db/queries/reports';
import { finalSurveys, pairFit } from '../../db/schema';
import { feedbackAggregate } from '../feedback/hr-view';
import { guarded, mean, type Respondent } from '../feedback/k-anon';
import { weekStart } from './period';

/** Excel reads a UTF-8 CSV as UTF-8 (Cyrillic intact) only when it starts with a BOM. */
const BOM = '\uFEFF';

export const EXPORT_TABLES = [
  'participants',
  'pairs',
  'meetings',
  'goals',
  'feedback',
  'experiments',
] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

type Row = Record<string, string | number | null>;

/**
 * ISO 8601 to the second with the organisation's offset, e.g. 2026-12-03T15:00:00+03:00;
 * empty for none. (`suppressMilliseconds` alone drops them only when they are zero.)
 */
function iso(ms: number | null, zone: string): string {
  if (ms === null) return '';
  const second = DateTime.fromMillis(ms, { zone }).startOf('second');
  return second.toISO({ suppressMilliseconds: true }) ?? '';
}

/** When fit answers and final surveys were given, before `before` (week boundaries to report). */
async function otherAnswerTimes(db: Db, population: Population, before: number): Promise<number[]> {
  const fits = await db
    .select({ at: pairFit.createdAt })
    .from(pairFit)
    .where(and(userIn(population, pairFit.userId), lt(pairFit.createdAt, new Date(before))));
  const surveys = await db
    .select({ at: finalSurveys.createdAt })
    .from(finalSurveys)
    .where(
      and(userIn(population, finalSurveys.userId), lt(finalSurveys.createdAt, new Date(before))),
    );
  return [...fits, ...surveys].map((r) => r.at.getTime());
}

/**
 * Every HR export table as rows. Feedback appears only aggregated per week and under the
 * k rule, like everywhere HR looks; free text and individual ratings are not exported. Only
 * the people this start serves are in it (never the console demo's in a platform start).
 */
export async function exportRows(
  db: Db,
  config: Pick<Config, 'ORG_TIMEZONE' | 'K_ANON_MIN' | 'platforms'>,
  now: Date,
  locale: Locale = 'en',
): Promise<Record<ExportTable, Row[]>> {
  const zone = config.ORG_TIMEZONE;
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const former = translator(locale)('user.formerLabel');
  // Someone who left keeps their place in the pair's history, without their name.
  const person = (v: unknown) => (v === null || v === undefined ? former : String(v));
  // Whole weeks only, like the summary: a week still filling up would change under HR's eyes
  // and give away each new rating by difference.
  const closed = weekStart(now, zone).toMillis();
  const raw = await exportTableRows(db, populationOf(config), closed);

  const topicsOf = new Map<number, { teach: string[]; learn: string[] }>();
  for (const r of raw.topics) {
    const entry = topicsOf.get(Number(r.user_id)) ?? { teach: [], learn: [] };
    entry[r.direction === 'teach' ? 'teach' : 'learn'].push(str(r.topic_id));
    topicsOf.set(Number(r.user_id), entry);
  }
  const participants = raw.participants.map((r) => ({
    id: num(r.id),
    name: str(r.name),
    platform: str(r.platform),
    role: str(r.role),
    grade: num(r.grade),
    department: str(r.department),
    teaches: (topicsOf.get(Number(r.id))?.teach ?? []).join(' '),
    learns: (topicsOf.get(Number(r.id))?.learn ?? []).join(' '),
    program: str(r.program),
    joined_at: iso(num(r.joined_at), zone),
    prepared_at: iso(num(r.prepared_at), zone),
    paused_until: iso(num(r.paused_until), zone),
  }));
  const pairs = raw.pairs.map((r) => ({
    id: num(r.id),
    mentor: person(r.mentor),
    mentee: person(r.mentee),
    status: str(r.status),
    program: str(r.program),
    manual: num(r.manual),
    nudges_ignored: num(r.nudges_ignored),
    created_at: iso(num(r.created_at), zone),
    ended_at: iso(num(r.ended_at), zone),
  }));
  const meetings = raw.meetings.map((r) => ({
    id: num(r.id),
    pair_id: num(r.pair_id),
    kind: str(r.kind),
    starts_at: iso(num(r.starts_at), zone),
    duration_min: num(r.duration_min),
    status: str(r.status),
    topic: str(r.topic),
  }));
  const goals = raw.goals.map((r) => ({
    id: num(r.id),
    pair_id: num(r.pair_id),
    owner: person(r.owner),
    goal: str(r.specific),
    measure: str(r.measure),
    deadline: str(r.deadline),
    progress: num(r.progress),
    status: str(r.status),
    created_at: iso(num(r.created_at), zone),
  }));
  const weekOf = (ms: number) =>
    DateTime.fromMillis(ms, { zone }).startOf('week').toISODate() ?? '';
  const weeks = new Map<string, { ratings: number[]; people: Set<Respondent> }>();
  for (const r of raw.feedback) {
    const week = weekOf(Number(r.created_at));
    const entry = weeks.get(week) ?? { ratings: [], people: new Set<Respondent>() };
    entry.ratings.push(Number(r.usefulness));
    entry.people.add((r.who as Respondent) ?? -1);
    weeks.set(week, entry);
  }
  // The pairing fit and the final survey, per week as /feedback shows them (the k rule per week).
  for (const at of await otherAnswerTimes(db, populationOf(config), closed))
    if (!weeks.has(weekOf(at))) weeks.set(weekOf(at), { ratings: [], people: new Set() });
  const feedback: Row[] = [];
  for (const [week, e] of [...weeks.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const g = guarded(e.people.size, config.K_ANON_MIN, () => mean(e.ratings));
    const from = DateTime.fromISO(week, { zone });
    const other = await feedbackAggregate(
      db,
      { from: from.toJSDate(), to: from.plus({ weeks: 1 }).toJSDate(), weeks: 1 },
      zone,
      config.K_ANON_MIN,
      populationOf(config),
    );
    const fit = other.fit.shown ? other.fit.value : undefined;
    feedback.push({
      week_starting: week,
      answers: e.ratings.length,
      people: e.people.size,
      usefulness_mean: g.shown ? g.value : null,
      fit_good: fit?.good ?? null,
      fit_unsure: fit?.unsure ?? null,
      fit_bad: fit?.bad ?? null,
      survey_people: other.overall.count,
      survey_overall_mean: other.overall.shown ? other.overall.value : null,
      survey_nps: other.nps.shown ? other.nps.value : null,
    });
  }
  const experiments = raw.experiments.map((r) => ({
    id: num(r.id),
    title: str(r.title),
    author: person(r.author),
    status: str(r.status),
    sponsor: r.sponsor_id === null ? '' : person(r.sponsor),
    check_date: str(r.check_date),
    outcomes: str(r.outcomes),
    created_at: iso(num(r.created_at), zone),
  }));
  return { participants, pairs, meetings, goals, feedback, experiments };
}

const csv = lazyRequire<typeof CsvStringify>('csv-stringify/sync');

/** RFC 4180 CSV (CRLF, quoted where needed) with a header row and a BOM. */
export function toCsv(rows: Row[], header: string[]): string {
  return (
    BOM +
    csv().stringify(rows, {
      header: true,
      columns: header,
      record_delimiter: '\r\n',
      // csv-stringify quotes only a cell holding the record delimiter itself (CRLF): a lone
      // LF or CR typed in a goal or a topic would end the row for every reader.
      quoted_match: /[\r\n]/,
      // A cell a participant typed as "=HYPERLINK(…)" must stay text in Excel.
      escape_formulas: true,
    })
  );
}

/** The export as files, one per table. */
export async function exportFiles(
  db: Db,
  config: Pick<Config, 'ORG_TIMEZONE' | 'K_ANON_MIN' | 'platforms'>,
  now: Date,
  locale: Locale = 'en',
): Promise<FileMessage[]> {
  const rows = await exportRows(db, config, now, locale);
  const day = DateTime.fromJSDate(now, { zone: config.ORG_TIMEZONE }).toISODate();
  return EXPORT_TABLES.map((table) => {
    const header = Object.keys(rows[table][0] ?? emptyHeader(table));
    return {
      filename: `tandem-${table}-${day}.csv`,
      mimeType: 'text/csv',
      contentBase64: Buffer.from(toCsv(rows[table], header), 'utf8').toString('base64'),
    };
  });
}

/** Column names for a table with no rows yet, so even an empty export has its header. */
function emptyHeader(table: ExportTable): Row {
  const columns: Record<ExportTable, string[]> = {
    participants: [
      'id',
      'name',
      'platform',
      'role',
      'grade',
      'department',
      'teaches',
      'learns',
      'program',
      'joined_at',
      'prepared_at',
      'paused_until',
    ],
    pairs: [
      'id',
      'mentor',
      'mentee',
      'status',
      'program',
      'manual',
      'nudges_ignored',
      'created_at',
      'ended_at',
    ],
    meetings: ['id', 'pair_id', 'kind', 'starts_at', 'duration_min', 'status', 'topic'],
    goals: [
      'id',
      'pair_id',
      'owner',
      'goal',
      'measure',
      'deadline',
      'progress',
      'status',
      'created_at',
    ],
    feedback: ['week_starting', 'answers', 'people', 'usefulness_mean'],
    experiments: [
      'id',
      'title',
      'author',
      'status',
      'sponsor',
      'check_date',
      'outcomes',
      'created_at',
    ],
  };
  return Object.fromEntries(columns[table].map((c) => [c, null]));
}

/** `/export` (HR): the CSV files, in a direct message. */
export const exportCommand: CommandSpec = {
  scope: 'dm',
  role: 'hr',
  takesArgs: false,
  async run(ctx) {
    const files = await exportFiles(ctx.tx, ctx.deps.config, ctx.now, ctx.locale);
    ctx.reply({ kind: 'text', text: ctx.t('export.intro', { n: files.length }) });
    for (const file of files) ctx.replyFile(file);
    await audit(
      ctx.tx,
      { actorUserId: ctx.user.id, action: 'export.made', details: { files: files.length } },
      ctx.now,
    );
  },
};
