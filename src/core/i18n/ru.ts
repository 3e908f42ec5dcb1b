import type { en } from './en';
import { decimalRu as decimal, pluralRu } from './words';

/** Russian messages. Typed as the English catalog, so a missing key or parameter won't compile. */
export const ru: typeof en = {
  'error.generic': 'Извините, у меня что-то сломалось. Ничего не изменилось — попробуйте ещё раз.',
  'text.notUnderstood': 'Не понял. Я работаю с командами — наберите /help, чтобы их увидеть.',

  'command.unknown': (p) =>
    `Я не знаю команду /${p.name}. Наберите /help, чтобы увидеть, что я умею.`,
  'command.unknownSuggest': (p) => `Я не знаю команду /${p.name}. Может быть, /${p.suggestion}?`,
  'command.noArgs': (p) =>
    `После ${p.command} ничего писать не нужно — просто наберите ${p.command}.`,
  'command.notAllowed': 'Извините, эта команда доступна только HR и администраторам программы.',
  'command.continueInDm': 'Это личное, давайте продолжим в личных сообщениях — я вам туда написал.',

  'command.continueInPrivate': 'Это личное, давайте продолжим в личном чате — нажмите кнопку ниже.',
  'command.openPrivate': 'Продолжить в личке',
  'action.expired': 'Эта кнопка больше не работает. Наберите /help, чтобы начать заново.',
  'action.notYours': 'Эта кнопка предназначена другому человеку (или уже устарела).',

  'form.step': (p) => `шаг ${p.n} из ${p.total}`,
  'form.button.done': '✓ Готово',
  'form.button.keep': (p) => `Оставить «${p.value}»`,
  'form.button.clear': 'Очистить',
  'form.button.skip': 'Пропустить',
  'form.button.back': '← Назад',
  'form.button.cancel': '✕ Отмена',
  'form.currentValue': (p) => `Текущий ответ: ${p.value}`,
  'form.openPrompt': (p) => `Анкета «${p.title}» готова — нажмите кнопку, чтобы её открыть.`,
  'form.button.open': 'Открыть форму',
  'form.close': 'Отмена',
  'form.stale':
    'Эта форма уже закрыта. Откройте её заново так же, как открывали: командой (список — /help) или кнопкой.',
  'form.earlierStep': 'Эта кнопка относится к прошлому вопросу. Мы сейчас здесь:',
  'form.cancelled': 'Отменено. Ничего не сохранено.',
  'form.resumed': 'У вас есть незаконченная форма — продолжаем с того же места.',
  'form.error.required': 'Это обязательный вопрос.',
  'form.error.invalid': 'Такой ответ здесь не подходит.',
  'form.error.pickOption': 'Пожалуйста, выберите один из вариантов.',
  'form.error.pickAtLeast': (p) =>
    p.min === 1 ? 'Выберите хотя бы один вариант.' : `Выберите не меньше ${p.min} вариантов.`,
  'form.error.pickAtMost': (p) => `Выберите не больше ${p.max} вариантов.`,
  'form.error.controlChars': 'Пожалуйста, уберите из ответа невидимые управляющие символы.',
  'form.error.oneLine': 'Пожалуйста, напишите ответ в одну строку.',
  'form.error.tooLong': (p) =>
    `Слишком длинно — уложитесь, пожалуйста, в ${p.max} ${pluralRu(p.max, 'символ', 'символа', 'символов')}.`,
  'form.error.tooShort': (p) =>
    p.min === 1
      ? 'Пожалуйста, напишите ответ.'
      : `Напишите хотя бы ${p.min} ${pluralRu(p.min, 'символ', 'символа', 'символов')}.`,
  'form.error.notNumber': 'Пожалуйста, введите целое число.',
  'form.error.outOfRange': (p) => `Пожалуйста, введите число от ${p.min} до ${p.max}.`,
  'form.error.notDate': (p) => `Пожалуйста, введите дату, например ${p.example}.`,
  'common.notJoined':
    'Вы ещё не в программе. Наберите /join, чтобы записаться, — это займёт пару минут.',
  'profile.grade.1': '1 — стажёр / младший специалист',
  'profile.grade.2': '2 — специалист',
  'profile.grade.3': '3 — старший специалист',
  'profile.grade.4': '4 — руководитель',
  'profile.grade.5': '5 — топ-менеджер',

  'user.former': 'бывший участник',
  'user.formerLabel': 'Бывший участник',
  'cmd.time': 'консольное демо: сдвинуть часы (/time +1d, +3h)',
  'meeting.notYours': 'Это не ваша встреча.',
  'console.banner': (p) =>
    `Локальная консоль Tandem — загружена демо-компания. Вы — ${p.name}. Наберите /help, чтобы начать, /as <имя>, чтобы действовать за коллегу, /whoami, /quit — выход.`,
  'console.connect':
    'Чтобы подключить Slack или Telegram, укажите SLACK_BOT_TOKEN или TELEGRAM_BOT_TOKEN в .env (см. README).',
  'console.as': (p) => `Теперь вы — ${p.name}.`,
  'console.asUnknown': (p) => `Нет коллеги с таким именем. Попробуйте: ${p.names}`,
  'console.asUsage': (p) => `Использование: /as <имя>. Коллеги: ${p.names}`,
  'console.whoami': (p) => `Вы — ${p.name} (${p.id}), ${p.place}.`,
  'console.inDm': 'в личном чате с ботом',
  'console.inGroup': 'в общем чате #general',
  'console.nowInDm': 'Теперь вы в личном чате с ботом.',
  'console.nowInGroup':
    'Теперь вы в общем чате #general. Обычные сообщения здесь не для бота; попробуйте /help.',
  'console.where': 'Наберите /in group или /in dm, чтобы переключиться между общим и личным чатом.',
  'console.to': (p) => `→ для ${p.name}`,
  'console.fileSaved': (p) => `Файл сохранён: ${p.path}`,
  'console.pickHint': 'Ответьте номером.',
  'console.pickOrTypeHint': 'Ответьте номером или напишите свой вариант.',
  'console.stillOpen': 'Ещё открыто:',
  'console.noSuchNumber': (p) =>
    `Кнопки с номером ${p.n} здесь нет. Напишите команду — /help покажет список — или номер из показанных выше.`,
  'console.multiHint':
    'Наберите номер, чтобы отметить или снять отметку, или сразу несколько номеров, чтобы выбрать их и идти дальше: 1,3,5.',
  'console.timeUsage':
    'Использование: /time +1d, /time +3h или /time +30m — сдвигает часы демо вперёд.',
  'console.timeNow': (p) => `Часы демо: ${p.time} UTC.`,
  'console.bye': (p) => `До встречи! Данные остаются в файле ${p.path} до следующего раза.`,
  'feedbackHr.notEnough': (p) =>
    `${p.what}: слишком мало ответов, чтобы показать (${p.people}, нужно не меньше ${p.k}).`,
  'feedbackHr.what.usefulness': 'Полезность',
  'feedbackHr.what.nps': 'NPS',
  'survey.sent': (p) => `Итоговый опрос отправлен: ${p.n} чел.`,
  'feedbackHr.nps': (p) => `NPS: ${decimal(p.value)} (человек: ${p.people})`,
  'idea.outcome.worked': 'Сработало',
  'idea.outcome.didnt': 'Не сработало',
  'idea.outcome.learned': 'Узнали новое',
  'broadcast.button.cancel': 'Отмена',
  'form.replaced': (p) => `Незаконченная форма «${p.title}» закрыта; её ответы не сохранены.`,
  'channel.title': 'Канал требует внимания',
  'channel.slack.not_member': (p) =>
    `Tandem не может писать в ${p.channel} (${p.setting}): бота нет в этом канале. Чтобы исправить, наберите /invite ${p.bot} в ${p.channel}.`,
  'channel.slack.not_found': (p) =>
    `Tandem не находит канал ${p.channel} (${p.setting}). Если это закрытый канал, наберите в нём /invite ${p.bot}; иначе проверьте id канала в ${p.setting}.`,
  'channel.slack.archived': (p) =>
    `Канал ${p.channel} (${p.setting}) в архиве, писать в него нельзя. Верните его из архива или укажите в ${p.setting} другой канал, наберите там /invite ${p.bot} и перезапустите Tandem.`,
  'channel.slack.no_rights': (p) =>
    `Tandem не может писать в ${p.channel} (${p.setting}): публиковать там могут только администраторы. Разрешите участникам писать в настройках канала или укажите в ${p.setting} другой канал.`,
  'channel.slack.cannot_check': (p) =>
    `Tandem не может проверить, можно ли ему писать в ${p.channel} (${p.setting}): у приложения Slack нет прав channels:read и groups:read. Добавьте их (см. slack-app-manifest.yml), переустановите приложение и наберите /invite ${p.bot} в ${p.channel}.`,
  'channel.telegram.not_member': (p) =>
    `Бот не может писать в ${p.channel} (${p.setting}): его нет в этом чате. Добавьте ${p.bot} в канал и сделайте его администратором с правом публиковать сообщения.`,
  'channel.telegram.not_found': (p) =>
    `Telegram не знает чат ${p.channel} (${p.setting}), или бота в него не добавили. Добавьте ${p.bot} в канал, сделайте его администратором с правом публиковать сообщения и проверьте id чата в ${p.setting}.`,
  'channel.telegram.archived': (p) =>
    `Чата ${p.channel} (${p.setting}) больше нет. Укажите в ${p.setting} другой чат, добавьте туда ${p.bot} администратором с правом публиковать сообщения и перезапустите Tandem.`,
  'channel.telegram.no_rights': (p) =>
    `${p.bot} есть в ${p.channel} (${p.setting}), но не может там писать. Сделайте его администратором канала с правом публиковать сообщения (в группе — разрешите ему отправлять сообщения).`,
  'channel.telegram.cannot_check': (p) =>
    `Tandem не может проверить свои права в ${p.channel} (${p.setting}). Убедитесь, что ${p.bot} — администратор канала с правом публиковать сообщения.`,
  'channel.footer':
    'Пока это не исправлено, в канал ничего не попадёт. Повторно напишем, только если что-то изменится.',
};
