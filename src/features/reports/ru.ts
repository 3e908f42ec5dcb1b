import { decimalRu as decimal, pluralRu } from '../../core/i18n/words';
import type { en } from './en';

/** The reports feature's Russian texts: typed as its English ones, so a missing key or parameter won't compile. */
export const ru: typeof en = {
  'summary.title': (p) => `Обратное наставничество · ${p.period}`,
  'summary.volunteers': (p) =>
    `Добровольцы: ${p.n}${p.change} — наставников ${p.mentors}, менти ${p.mentees}, и то и другое ${p.both}; новых: ${p.fresh}`,
  'summary.pipeline': (p) =>
    `Подготовились: ${p.prepared} · получили предложение: ${p.proposed} · активных пар: ${p.pairs}${p.change} · встретились хотя бы раз: ${p.met}`,
  'summary.goals': (p) => `Цели: поставлено ${p.set}, выполнено ${p.done}`,
  'summary.meetings': (p) =>
    `Встречи: состоялось ${p.held} из ${p.scheduled}${p.change} (не состоялось ${p.missed}, отменено ${p.cancelled}${p.unconfirmed > 0 ? `, ещё не подтверждено ${p.unconfirmed}` : ''})`,
  'summary.usefulness': (p) =>
    `Полезность: ${decimal(p.value)} / 5${p.change} (человек: ${p.people})`,
  'summary.unmet': (p) => `Хотят изучать, но никто не преподаёт: ${p.list}`,
  'summary.unmetNone': 'Для каждой желаемой темы есть кто-то, кто её преподаёт.',
  'summary.atRisk': (p) => `Пары под угрозой: ${p.n}`,
  'summary.atRiskNone': 'Пар под угрозой нет.',
  'summary.risk.nudges': 'три напоминания без ответа',
  'summary.risk.silent': 'нет встреч 3 недели',
  'summary.andMore': (p) => `…и ещё ${p.n}`,
  'summary.ideas': (p) =>
    `Идеи: ждут решения ${p.proposed}, пилот ${p.piloting}, отложены ${p.parked}, завершены ${p.concluded} (сработало ${p.worked})`,
  'summary.context': (p) =>
    `Недели — с понедельника по воскресенье (${p.zone}); ▲▼ — к предыдущему периоду. Оценки и NPS показываются только от ${p.k} человек.`,
  'summary.chartCaption': 'Состоявшиеся встречи и полезность по неделям; воронка.',
  'chart.weekly': 'Состоявшиеся встречи по неделям',
  'chart.countAxis': 'встречи',
  'chart.held': 'состоявшиеся встречи',
  'chart.usefulnessPanel': 'Полезность: средняя оценка за неделю',
  'chart.usefulnessAxis': 'оценка, 1–5',
  'chart.usefulness': 'полезность, 1–5',
  'chart.weekOf': 'неделя с',
  'chart.hidden': 'скрыто',
  'chart.hiddenShort': (p) => `< ${p.k} чел.`,
  'chart.hiddenLegend': (p) => `скрыто: оценили меньше ${p.k} человек`,
  'chart.funnel': (p) => `Воронка на ${p.day}`,
  'chart.funnel.people': 'Люди',
  'chart.funnel.volunteers': 'Добровольцы',
  'chart.funnel.prepared': 'Подготовились',
  'chart.funnel.proposed': 'Получили предложение',
  'chart.funnel.pairsHeading': 'Пары',
  'chart.funnel.pairs': 'Активные пары',
  'chart.funnel.met': 'Встретились хотя бы раз',
  'chart.title': (p) =>
    `Обратное наставничество · последние ${p.weeks} ${pluralRu(p.weeks, 'неделя', 'недели', 'недель')}: ${p.period}`,
  'chart.noRatings': 'нет оценок',
  'cmd.report': 'HR: еженедельная сводка сейчас, с графиком (/report 4 — за четыре недели)',
  'report.usage': (p) => `Использование: ${p.command} [недели, 1–${p.max}]`,
  'cmd.export': 'HR: CSV-файлы участников, пар, встреч, целей, отзывов (сводно), идей',
  'export.intro': (p) =>
    `Вот ${p.n} CSV-файлов (UTF-8, открываются в Excel). Отзывы — сводно по неделям и скрыты при малом числе ответов; индивидуальных оценок нет.`,
};
