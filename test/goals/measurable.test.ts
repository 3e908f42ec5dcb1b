import { describe, expect, it } from 'vitest';
import { LOCALES, t } from '../../src/core/i18n';
import { isMeasurable } from '../../src/features/goals/smart';
// The features' texts join the catalog when the registry composes their manifests.
import '../../src/features/registry';

/** The examples a message quotes, in “…” or «…». */
const quoted = (text: string) => [...text.matchAll(/[“«]([^”»]+)[”»]/g)].map((m) => m[1] ?? '');

describe('"how will we know it is done?"', () => {
  it('accepts every example the hints and error messages hold up as good, in both languages', () => {
    for (const locale of LOCALES) {
      const good = [
        ...quoted(t(locale, 'goal.hint.measure')),
        ...quoted(t(locale, 'idea.hint.measure')),
        // Error messages: "say <good> rather than <bad>".
        quoted(t(locale, 'goal.error.measure'))[0] ?? '',
        quoted(t(locale, 'idea.error.measure'))[0] ?? '',
      ];
      expect(good.length).toBeGreaterThanOrEqual(4);
      for (const example of good) expect(isMeasurable(example), `${locale}: ${example}`).toBe(true);
      for (const bad of [
        quoted(t(locale, 'goal.error.measure'))[1],
        quoted(t(locale, 'idea.error.measure'))[1],
      ])
        expect(isMeasurable(bad ?? ''), `${locale}: ${bad}`).toBe(false);
    }
  });

  it('reads counts and frequencies in Russian words as well as digits', () => {
    for (const text of [
      'публикую пост раз в неделю',
      'количество подписчиков',
      'заявки в день',
      'три отчёта',
      // Metrics that are numbers by name.
      'Охват и заявки',
      'reach of the posts',
      'вовлечённость аудитории',
    ])
      expect(isMeasurable(text), text).toBe(true);
    for (const text of ['лучше разбираться в ИИ', 'разобраться с нейросетями', 'get better at AI'])
      expect(isMeasurable(text), text).toBe(false);
  });

  it('takes shares, percentages, rates and units as measures, in Russian and English', () => {
    for (const text of [
      'Доля вопросов, закрытых ботом, за неделю',
      'Процент заявок, обработанных без звонка',
      '% писем с ответом в тот же день',
      'доля клиентов, которые пишут в мессенджер',
      'среднее время ответа клиенту',
      'время на отчёт — минут вместо часа',
      'конверсия из просмотра в заявку',
      'заявки за месяц',
      'экономия в рублях',
      'вопросы, закрытые ботом',
      'бот внедрён в отделе продаж',
      'провести презентацию для отдела',
      'share of questions the bot closes in a week',
      'percentage of tickets answered by the bot',
      'conversion rate of the landing page',
      'average reply time to customers',
      'hours saved on the weekly report',
      'tickets resolved without escalation',
    ])
      expect(isMeasurable(text), text).toBe(true);
  });

  it('still refuses wishes with nothing to count or check', () => {
    for (const text of [
      'лучше понимать нейросети',
      'стать увереннее в соцсетях',
      'узнать больше про ИИ',
      'понять, как работает CRM',
      'посмотрим, понравится ли',
      'improve my presentation skills',
      'understand social media better',
      'see if people like it',
      'learn more about Gen Z',
    ])
      expect(isMeasurable(text), text).toBe(false);
  });

  it('does not take a time window or an average alone for a measure: it needs something counted', () => {
    for (const text of [
      'learn AI in a week',
      'feel better about AI in a month',
      'get the hang of AI tools a month from now',
      'feel more confident on average',
      'improve my rate of learning',
      'лучше понимать ИИ за месяц',
      'разобраться в нейросетях за год',
      'стать увереннее в среднем',
      'освоить соцсети за неделю',
    ])
      expect(isMeasurable(text), text).toBe(false);
    // The same windows with something counted in them are measures.
    for (const text of [
      'заявки за месяц',
      'заявки в день',
      'tickets closed by the bot in a week',
      'number of sign-ups in a month',
      'доля ответов бота за месяц',
      'среднее время ответа клиенту',
      'average reply time to customers',
      'conversion rate of the landing page',
    ])
      expect(isMeasurable(text), text).toBe(true);
  });
});
