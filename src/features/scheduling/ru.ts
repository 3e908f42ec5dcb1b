import { pluralRu } from '../../core/i18n/words';
import type { en } from './en';

/** A word that agrees with a session's kind ('meeting.kind.*'): спринт is masculine, встреча feminine. */
const bySession = (kind: string, sprint: string, meeting: string) =>
  kind === 'спринт' ? sprint : meeting;

/** The scheduling feature's Russian texts: typed as its English ones, so a missing key or parameter won't compile. */
export const ru: typeof en = {
  'meeting.rescheduled': (p) =>
    `${bySession(p.kind, 'Спринт', 'Встреча')} с ${p.name} ${bySession(p.kind, 'перенесён', 'перенесена')} — новое время:`,
  'meeting.partnerCant': (p) =>
    `${p.name} не сможет прийти. Выберите вместе новое время: /sprint или /meet.`,
  'meeting.button.reschedule': 'Перенести',
  'meeting.button.cant': 'Не смогу',
  'meeting.button.moved': 'Перенесли',
  'meeting.cantYou': 'Понятно — отменено, партнёра попросили выбрать с вами новое время.',
  'meeting.movedDone': 'Готово. У вас обоих новое время и приглашение в календарь.',
  'nudge.text': (p) =>
    `Прошло ${p.days} ${pluralRu(p.days, 'день', 'дня', 'дней')} с последней встречи с ${p.name}. Даже 30 минут на одну конкретную задачу помогают не терять темп — назначим?`,
  'nudge.first': (p) =>
    `Вы с ${p.name} в паре уже ${p.days} ${pluralRu(p.days, 'день', 'дня', 'дней')}, а встречи ещё не было. Даже 30 минут на одну конкретную задачу — хорошее начало. Назначим первую?`,
  'nudge.button': 'Назначить спринт',
  'meeting.changedMeanwhile':
    'Эту встречу тем временем перенесли или отменили — ничего не изменено. /meetings покажет текущий план.',
  'meeting.stale': 'Этот вопрос относится к прежней версии встречи — ничего не изменено.',
  'meeting.kind.sprint': 'спринт',
  'meeting.kind.meeting': 'встреча',
  'meeting.booked': (p) =>
    `${bySession(p.kind, 'Спринт', 'Встреча')} с ${p.name} ${bySession(p.kind, 'назначен', 'назначена')}:`,
  'meeting.cancelled': (p) =>
    `${bySession(p.kind, 'Спринт', 'Встреча')} с ${p.name} ${bySession(p.kind, 'отменён', 'отменена')}: ${p.slot}. Обновление для календаря — во вложении.`,
  'meeting.button.cancel': 'Отменить',
  'meeting.icsTitle': (p) => `Обратное наставничество (${p.kind}) с ${p.name}`,
  'meeting.icsCaption': 'Добавьте в календарь',
  'meeting.icsCaptionCancel':
    'Откройте файл, чтобы отменить событие в календаре (или удалите его там)',
  'meeting.reminder': (p) =>
    `Напоминание: ${p.kind} с ${p.name} через ${p.hours === 0 ? `${p.minutes} ${pluralRu(p.minutes, 'минуту', 'минуты', 'минут')}` : p.hours === 1 ? 'час' : `${p.hours} ${pluralRu(p.hours, 'час', 'часа', 'часов')}`} — ${p.slot}.\n«${p.topic}»`,
  'meeting.didItHappen': (p) =>
    `${bySession(p.kind, 'Состоялся ли спринт', 'Состоялась ли встреча')} с ${p.name}? («${p.topic}»)`,
  'meeting.didItHappenOn': (p) =>
    `Ждём вашего ответа: ${bySession(p.kind, 'состоялся ли спринт', 'состоялась ли встреча')} с ${p.name} (${p.when})? («${p.topic}»)`,
  'meeting.button.yes': 'Да',
  'meeting.button.no': 'Нет',
  'meeting.thanksHeld': 'Отлично — спасибо! Сейчас придёт короткий вопрос для обратной связи.',
  'meeting.thanksMissed': 'Спасибо, что сообщили. Следующую назначьте командой /sprint или /meet.',
  'meeting.partnerSaidMissed': (p) =>
    `По словам ${p.name}, ${bySession(p.kind, 'спринт', 'встреча')} («${p.topic}») не ${bySession(p.kind, 'состоялся', 'состоялась')}. Если ${bySession(p.kind, 'он был', 'она была')}, нажмите кнопку — ${bySession(p.kind, 'он засчитается', 'она засчитается')} вам обоим.`,
  'meeting.partnerSaidHeld': (p) =>
    `По словам ${p.name}, ${bySession(p.kind, 'спринт', 'встреча')} («${p.topic}») всё-таки ${bySession(p.kind, 'состоялся', 'состоялась')} — ${bySession(p.kind, 'он засчитан', 'она засчитана')}.`,
  'meeting.button.didHappen': 'Всё-таки состоялось',
  'meeting.overruled': (p) => `Отметил: состоялось. ${p.name} тоже в курсе.`,
  'meeting.alreadyRecorded': 'Спасибо — партнёр уже ответил на этот вопрос.',
  'meeting.cancelledYou': 'Отменено. Партнёру сообщили.',
  'meeting.confirmCancel': (p) =>
    `Отменить ${bySession(p.kind, 'спринт', 'встречу')} с ${p.name} (${p.when})?`,
  'meeting.confirmCant': (p) =>
    `Не получается прийти на ${bySession(p.kind, 'спринт', 'встречу')} с ${p.name} (${p.when})? ${bySession(p.kind, 'Он будет отменён', 'Она будет отменена')}, а партнёра (${p.name}) попросим выбрать с вами новое время.`,
  'meeting.button.confirmCancel': 'Да, отменить',
  'meeting.button.keep': 'Оставить',
  'meeting.kept': 'Оставили — ничего не изменилось.',
  'meeting.notScheduled': 'Эта встреча уже не запланирована.',
  'meeting.needPair':
    'У вас пока нет пары — спринты и встречи назначаются с партнёром. /pair покажет, где вы сейчас.',
  'meeting.form.sprint': 'Назначить спринт',
  'meeting.form.meeting': 'Назначить встречу',
  'meeting.form.move': 'Перенести встречу',
  'meeting.form.submit': 'Назначить',
  'meeting.field.partner': 'С кем?',
  'meeting.field.day': 'В какой день?',
  'meeting.hint.day': (p) =>
    `Или напишите дату, можно сразу со временем: «${p.example}», «завтра в 15», «в пятницу».`,
  'meeting.field.time': 'Во сколько (по вашему времени)?',
  'meeting.hint.time': 'Или напишите время, например 15:30.',
  'meeting.field.duration': 'Сколько длится?',
  'meeting.field.topic': 'Конкретная задача или тема?',
  'meeting.hint.topic': 'Например: настроить ИИ-ассистента для еженедельного отчёта.',
  'meeting.field.link': 'Ссылка или повестка (необязательно)',
  'meeting.error.day': (p) => `Не понял дату. Попробуйте «${p.example}» или «завтра».`,
  'meeting.error.time': 'Не понял время. Попробуйте 15:30.',
  'meeting.error.past': 'Это время уже прошло — выберите более позднее.',
  'meeting.error.pastDay': 'Этот день уже прошёл — выберите более поздний.',
  'meeting.error.dst':
    'Такого времени в вашем часовом поясе нет (в эту ночь переводят часы) — выберите другое.',
  'meeting.error.invalid': 'Такие дата и время не подходят — выберите другие.',
  'meeting.error.overlap': 'У вас с этим партнёром уже есть встреча в это время — выберите другое.',
  'meeting.error.overlapLength': (p) =>
    `Длительностью ${p.length} она заденет другую встречу с этим партнёром. Выберите другое время или оставьте это и выберите длительность покороче.`,
  'meeting.duration': (p) =>
    p.minutes < 60
      ? `${p.minutes} мин`
      : p.minutes % 60 === 0
        ? `${p.minutes / 60} ч`
        : `${Math.floor(p.minutes / 60)} ч ${p.minutes % 60} мин`,
  'meeting.cancelledForm': 'Отменено — ничего не назначено.',
  'meeting.moveCancelled': 'Перенос отменён — встреча остаётся в силе, как была.',
  'meeting.listTitle': 'Впереди',
  'meeting.listNone':
    'Ничего не запланировано. /sprint назначает двухчасовой спринт, /meet — часовую встречу.',
  'meeting.listLine': (p) => `${p.slot} — ${p.kind} с ${p.name}: «${p.topic}»`,
  'cmd.sprint': 'назначить двухчасовой спринт с партнёром',
  'cmd.meet': 'назначить встречу с партнёром',
  'cmd.sprints': 'что впереди (то же, что /meetings)',
  'cmd.meetings': 'что впереди',
  'find.title': 'Подобрать время',
  'find.intro': (p) =>
    `Время в рабочих часах у вас и у ${p.names} в ближайшие семь дней. Одно нажатие — и ${bySession(p.kind, 'спринт назначен', 'встреча назначена')} для всех, с приглашением в календарь. Или напишите день и время, например «завтра в 15:00»:`,
  'find.noOverlap': (p) =>
    `У вас и у ${p.names} в ближайшие семь дней нет общих рабочих часов. Вот самое близкое время — одно нажатие назначает встречу:`,
  'find.none': (p) =>
    `Не нашлось свободного времени у вас и у ${p.names} в ближайшие семь дней. Выберите время сами:`,
  'find.calendarFallback': (p) =>
    `Календарь не ответил (${p.names}), поэтому у этого участника учтены только рабочие часы.`,
  'find.calendarFallbackMine':
    'Ваш календарь сейчас не ответил, поэтому учтены только ваши рабочие часы.',
  'find.reconnect':
    'Ваш календарь отказал в доступе, поэтому учтены только ваши рабочие часы. Подключите его снова: /calendar.',
  'find.button.other': 'Другое время',
  'find.slotLabel': (p) => `${p.mine} (${p.name}: ${p.theirs})`,
  'find.byHand': 'Тогда выберите время сами — по шагам.',
  'find.whom': 'С кем?',
  'find.gone': 'Это время уже занято (или прошло). Вот новые варианты.',
  'find.booked': (p) => `Готово: ${p.kind}, ${p.when}. Приглашение отправлено вам обоим.`,
  'find.typedAsk': (p) =>
    `${p.when}: спринт или встреча? Одно нажатие — и время назначено для всех, с приглашением в календарь.`,
  'find.typedAskWhom': (p) =>
    `${p.when}: с кем и что — спринт или встреча? Одно нажатие — и время назначено, с приглашением в календарь.`,
  'find.typedOnlyMeeting': (p) =>
    `Двухчасовой спринт наложится на другую сессию у вас или у ${p.name}; встреча на час помещается.`,
  'find.typedKind': (p) => `${p.kind}, ${p.minutes / 60} ч`,
  'find.typedKindWith': (p) => `${p.kind} · ${p.name}`,
  'find.typedNoTime': (p) =>
    `Во сколько — ${p.day}? Напишите только время, например «15:00», или /sprint — там варианты.`,
  'find.typedTaken': (p) =>
    `В это время у вас или у ${p.name} уже есть сессия Tandem — напишите другое время или /sprint — там варианты.`,
  'find.topic.sprint': 'Спринт',
  'find.topic.meeting': 'Встреча',
  'meeting.field.timeOk': 'Вне рабочих часов партнёра?',
  'meeting.hint.timeOk':
    'Если время выпадает на нерабочие часы партнёра или на ночь у него: оставить всё равно или выбрать другое.',
  'meeting.warn.night': (p) => `У ${p.name} это ${p.time} — глубокая ночь.`,
  'meeting.warn.day_off': (p) => `У ${p.name} это ${p.time} — нерабочий день.`,
  'meeting.warn.outside_hours': (p) => `У ${p.name} это ${p.time} — вне рабочих часов.`,
  'meeting.warn.busy': (p) => `У ${p.name} это ${p.time}, и это время уже занято.`,
  'meeting.timeOk.keep': 'Оставить это время',
  'meeting.timeOk.other': 'Выбрать другое время',
  'meeting.warn.pickAnother': 'Выберите, пожалуйста, другое время.',
};
