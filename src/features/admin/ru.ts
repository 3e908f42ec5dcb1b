import { pluralRu } from '../../core/i18n/words';
import type { en } from './en';

/** The admin feature's Russian texts: typed as its English ones, so a missing key or parameter won't compile. */
export const ru: typeof en = {
  'cmd.admin':
    'HR: пары вручную, публикации в канале контента, итоговый опрос; админ также роли, темы, программы, рассылки и резервные копии (/admin покажет, что вам доступно)',
  'admin.usage': 'Используйте одну из команд (людей можно называть по имени или id):',
  'admin.usage.pair': (p) => `${p.admin} pair <ментор> <менти> [force] — составить пару вручную`,
  'admin.usage.unpair': (p) => `${p.admin} unpair <ментор> <менти> — завершить пару`,
  'admin.usage.survey': (p) =>
    `${p.admin} survey — конец программы: отправить итоговый опрос всем, кто был в паре`,
  'admin.usage.post': (p) =>
    `${p.admin} post <ссылка> <комментарий> — поделиться статьёй, исследованием или новостью в канале контента`,
  'command.adminOnly': 'Извините, это могут только администраторы программы.',
  'admin.usage.hr': (p) => `${p.admin} hr add|remove <человек> — дать или снять роль HR`,
  'admin.usage.roles': (p) => `${p.admin} roles — кто администратор и кто HR`,
  'admin.usage.program': (p) =>
    `${p.admin} program new "<название>" <начало> <конец> [дней между встречами] | list | end "<название>" — программы`,
  'admin.usage.topics': (p) =>
    `${p.admin} topics [list] | add|rename <id> "<English>" "<по-русски>" — каталог тем`,
  'admin.usage.broadcast': (p) =>
    `${p.admin} broadcast <текст> — объявление всем участникам (с подтверждением)`,
  'admin.usage.backup': (p) => `${p.admin} backup — копия базы сейчас`,
  'roles.added': (p) => `${p.name} теперь HR.`,
  'roles.removed': (p) => `${p.name} больше не HR.`,
  'roles.youAreHr': (p) =>
    `${p.name} назначил(а) вас HR в Tandem: теперь вам доступны еженедельная сводка (/report), подбор пар (/match) и пары вручную (/admin). /help покажет всё, что вам доступно.`,
  'roles.youAreNotHr': (p) =>
    `${p.name} снял(а) с вас роль HR в Tandem. Всё остальное в Tandem у вас осталось как было.`,
  'roles.alreadyHr': (p) => `${p.name} уже HR; ничего не изменилось.`,
  'roles.notHr': (p) => `${p.name} не HR; ничего не изменилось.`,
  'roles.adminAlready': (p) =>
    `${p.name} — администратор и и так может всё, что может HR; ничего не изменилось.`,
  'roles.list': (p) => `Администраторы: ${p.admins}\nHR: ${p.hr}`,
  'program.error.blank':
    'Дайте программе название — в кавычках, если в нём есть пробелы, например «Весна 2027».',
  'topics.listTitle': 'Темы (id — английский / русский):',
  'topics.listHint': (p) =>
    `Добавить: ${p.admin} topics add <id> "<English>" "<по-русски>"; переименовать: ${p.admin} topics rename <id> "…" "…".`,
  'topics.error.name': 'Нужны оба названия, каждое в кавычках: "English" "Русский".',
  'program.error.name': (p) => `Название — не длиннее ${p.max} символов.`,
  'program.error.dates': 'Даты пишутся как 2027-01-31 (сначала начало, потом конец).',
  'program.error.order': 'Конец должен быть позже начала.',
  'program.error.cadence': (p) => `Периодичность — число дней от 1 до ${p.max}.`,
  'program.error.exists': (p) => `Программа «${p.name}» уже есть.`,
  'program.error.over': (p) =>
    `Не создана: такая программа уже закончилась бы (конец ${p.end}, сегодня ${p.today}). Выберите дату окончания не раньше сегодняшней.`,
  'program.confirmNew': (p) => `Создать «${p.name}»? Сначала проверьте даты:`,
  'program.warn.pastStart': (p) =>
    `Она начинается ${p.start}, а этот день уже прошёл (сегодня ${p.today}). Кто присоединился с тех пор, остаётся в своей программе; в эту попадут только те, кто присоединится теперь.`,
  'program.warn.overlap': (p) =>
    `Она пересекается с «${p.other}» (${p.start} – ${p.end}). Пока идут обе, новые участники попадают в «${p.later}» — ту, что началась позже.`,
  'program.warn.sameStart': (p) =>
    `Она начинается в один день с «${p.other}» (${p.start} – ${p.end}). Пока идут обе, новые участники попадают в «${p.newer}» — более новую.`,
  'program.warn.cadence': (p) =>
    `Напоминание после ${p.cadence} дн. без встреч не придёт ни разу в программе на ${p.days} дн.; укажите меньший интервал (число после даты окончания), чтобы пары получали напоминания.`,
  'program.button.create': 'Создать',
  'program.created': (p) =>
    `Программа «${p.name}» создана: ${p.start} – ${p.end}, напоминание после ${p.cadence} дней без встречи.`,
  'program.joinFrom': (p) => `Все, кто присоединится с ${p.start}, попадут в неё.`,
  'program.joinOther': (p) =>
    `Пока идёт и «${p.other}» (до ${p.end}), новые участники попадают в «${p.other}» — ту, что началась позже.`,
  'program.joinUntil': (p) =>
    `В неё попадут те, кто присоединится с ${p.start}, — пока ${p.otherStart} не начнётся «${p.other}».`,
  'program.joinFromNow':
    'В неё попадут те, кто присоединится теперь; кто уже участвует, остаётся в своей программе.',
  'program.listTitle': 'Программы:',
  'program.line': (p) => `• ${p.name}: ${p.start} – ${p.end}, раз в ${p.cadence} дн. (${p.status})`,
  'program.active': 'идёт',
  'program.ended': 'завершена',
  'program.none': (p) =>
    `Программ пока нет: все в программе по умолчанию. Создайте: ${p.admin} program new.`,
  'program.notFound': (p) => `Программы «${p.name}» нет.`,
  'program.alreadyEnded': (p) => `«${p.name}» уже завершена.`,
  'program.endedByDate': (p) =>
    `Программа «${p.name}» дошла до последнего дня (${p.end}) и завершена. Итоговый опрос отправлен: ${p.n} чел.; напоминания парам больше не приходят.`,
  'program.endedDone': (p) => `«${p.name}» завершена. Итоговый опрос отправлен: ${p.n} чел.`,
  'topics.error.id':
    'id темы начинается со строчной латинской буквы, дальше буквы, цифры или _ (всего 2–31 знак), например no_code или printing_3d.',
  'topics.error.label': (p) => `Названия — не длиннее ${p.max} символов.`,
  'topics.exists': (p) => `Тема «${p.id}» уже есть; используйте rename.`,
  'topics.notFound': (p) => `Темы «${p.id}» нет.`,
  'topics.nameTaken': (p) =>
    `Такое название уже у темы «${p.id}»: выберите другое или переименуйте «${p.id}». Ничего не изменилось.`,
  'topics.added': (p) => `Тема добавлена: ${p.id} — ${p.en} / ${p.ru}.`,
  'topics.renamed': (p) => `Тема переименована: ${p.id} — ${p.en} / ${p.ru}.`,
  'broadcast.tooLong': (p) => `Объявление — не длиннее ${p.max} символов.`,
  'broadcast.confirm': (p) =>
    `Сообщение получат ${p.n} ${pluralRu(p.n, 'участник', 'участника', 'участников')}:\n\n${p.text}\n\nОтправить?`,
  'broadcast.button.send': (p) => `Отправить (${p.n})`,
  'broadcast.title': 'От команды программы',
  'broadcast.sent': (p) =>
    `Поставлено в очередь для ${p.n} чел.; уйдёт с допустимой платформой скоростью.`,
  'broadcast.cancelled': 'Отменено; ничего не отправлено.',
  'broadcast.done': 'Это объявление уже отправлено или отменено.',
  'backup.started': 'Делаю копию базы; путь к ней сейчас придёт сюда.',
  'backup.failed': (p) =>
    `Копию сделать не удалось, новая не сохранена; прежние копии на месте. (Код: ${p.code})`,
  'backup.done': (p) => `Копия сохранена: ${p.path} (хранятся последние ${p.keep}).`,
  'backup.usePgDump':
    'Здесь Tandem работает на PostgreSQL и сам копий не делает: сохраните базу через pg_dump, например pg_dump --format=custom --file=tandem.dump "$DATABASE_URL" (восстановление — pg_restore). Подробности в README.',
  'program.confirmEnd': (p) =>
    `Завершить программу «${p.name}» сейчас (план — до ${p.end})? Итоговый опрос получат ${p.n} чел. Это нельзя отменить.`,
  'program.button.end': 'Завершить программу',
  'program.calledOff': (p) => `«${p.name}» отменена до старта; опрос не отправлялся.`,
  'program.confirmCallOff': (p) =>
    `«${p.name}» ещё не началась (старт ${p.start}), и в ней пока никого нет. Завершить её сейчас? Она будет отменена, опрос не отправится. Это нельзя отменить.`,
  'program.endedOn': (p) => `завершена ${p.date}`,
  'program.upcoming': 'ещё не началась',
  'admin.confirmCancelled': 'Отменено; ничего не изменилось.',
  'admin.confirmStale': 'Это уже сделано или изменилось; больше ничего не произошло.',
};
