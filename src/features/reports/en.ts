import { decimalEn as decimal } from '../../core/i18n/words';

/** The reports feature's English texts; ru.ts must match them (checked by the compiler). */
export const en = {
  'summary.title': (p: { period: string }) => `Reverse mentoring · ${p.period}`,
  'summary.volunteers': (p: {
    n: number;
    change: string;
    mentors: number;
    mentees: number;
    both: number;
    fresh: number;
  }) =>
    `Volunteers: ${p.n}${p.change} — ${p.mentors} mentors, ${p.mentees} mentees, ${p.both} both; new: ${p.fresh}`,
  'summary.pipeline': (p: {
    prepared: number;
    proposed: number;
    pairs: number;
    change: string;
    met: number;
  }) =>
    `Prepared: ${p.prepared} · proposed: ${p.proposed} · active pairs: ${p.pairs}${p.change} · met at least once: ${p.met}`,
  'summary.goals': (p: { set: number; done: number }) => `Goals: ${p.set} set, ${p.done} done`,
  'summary.meetings': (p: {
    held: number;
    scheduled: number;
    missed: number;
    cancelled: number;
    unconfirmed: number;
    change: string;
  }) =>
    `Sessions: ${p.held} held of ${p.scheduled}${p.change} (${p.missed} missed, ${p.cancelled} cancelled${p.unconfirmed > 0 ? `, ${p.unconfirmed} not confirmed yet` : ''})`,
  'summary.usefulness': (p: { value: number; people: number; change: string }) =>
    `Usefulness: ${decimal(p.value)} / 5${p.change} (${p.people} people)`,
  'summary.unmet': (p: { list: string }) => `Wanted, but nobody teaches: ${p.list}`,
  'summary.unmetNone': 'Every topic people want has someone to teach it.',
  'summary.atRisk': (p: { n: number }) => `Pairs at risk: ${p.n}`,
  'summary.atRiskNone': 'No pairs at risk.',
  'summary.risk.nudges': 'three reminders ignored',
  'summary.risk.silent': 'no session for 3 weeks',
  'summary.andMore': (p: { n: number }) => `…and ${p.n} more`,
  'summary.ideas': (p: {
    proposed: number;
    piloting: number;
    parked: number;
    concluded: number;
    worked: number;
  }) =>
    `Ideas: ${p.proposed} waiting, ${p.piloting} piloting, ${p.parked} parked, ${p.concluded} concluded (${p.worked} worked)`,
  'summary.context': (p: { zone: string; k: number }) =>
    `Weeks run Monday to Sunday (${p.zone}); ▲▼ against the period before. Ratings and NPS appear only for ${p.k} or more people.`,
  'summary.chartCaption': 'Sessions held and usefulness by week; the funnel.',
  'chart.weekly': 'Sessions held per week',
  'chart.countAxis': 'sessions',
  'chart.held': 'sessions held',
  'chart.usefulnessPanel': 'Usefulness: mean rating of the week',
  'chart.usefulnessAxis': 'rating, 1–5',
  'chart.usefulness': 'usefulness, 1–5',
  'chart.weekOf': 'week starting',
  'chart.hidden': 'hidden',
  'chart.hiddenShort': (p: { k: number }) => `< ${p.k} people`,
  'chart.hiddenLegend': (p: { k: number }) => `hidden: fewer than ${p.k} people rated`,
  'chart.funnel': (p: { day: string }) => `Funnel on ${p.day}`,
  'chart.funnel.people': 'People',
  'chart.funnel.volunteers': 'Volunteers',
  'chart.funnel.prepared': 'Prepared',
  'chart.funnel.proposed': 'Got a match proposal',
  'chart.funnel.pairsHeading': 'Pairs',
  'chart.funnel.pairs': 'Active pairs',
  'chart.funnel.met': 'Met at least once',
  'chart.title': (p: { weeks: number; period: string }) =>
    `Reverse mentoring · last ${p.weeks} weeks: ${p.period}`,
  'chart.noRatings': 'no ratings',
  'cmd.report': 'HR: the weekly summary now, with its chart (/report 4 for four weeks)',
  'report.usage': (p: { command: string; max: number }) =>
    `Usage: ${p.command} [weeks, 1–${p.max}]`,
  'cmd.export':
    'HR: CSV files of participants, pairs, meetings, goals, feedback (aggregated), ideas',
  'export.intro': (p: { n: number }) =>
    `Here are ${p.n} CSV files (UTF-8, opens in Excel). Feedback is aggregated per week and hidden under the k rule; no individual ratings.`,
};
