import type { en } from './en';

/** The calendars feature's Russian texts: typed as its English ones, so a missing key or parameter won't compile. */
export const ru: typeof en = {
  'cmd.calendar': 'подключить календарь, чтобы время встреч не попадало на занятые часы',
  'cal.title': 'Ваш календарь',
  'cal.intro':
    'Подключите рабочий календарь, и я буду предлагать время, когда вы свободны. Я вижу только, когда вы заняты, — никаких названий, мест и участников.',
  'cal.linkNote':
    'Ссылка срабатывает один раз, в течение 10 минут, и только для вас: не пересылайте её. Отключить календарь можно в любой момент.',
  'cal.connectedLine': (p: { provider: string; account: string }) =>
    `Подключён: ${p.provider} — ${p.account}`,
  'cal.unavailable':
    'Подключение календаря здесь не настроено. Администратор может его включить (раздел «Connect calendars» в README).',
  'cal.button.profile': 'Подключить календарь',
  'cal.button.connect.google': 'Подключить Google Календарь',
  'cal.button.connect.microsoft': 'Подключить Microsoft 365',
  'cal.button.disconnect': (p: { provider: string }) => `Отключить ${p.provider}`,
  'cal.provider.google': 'Google Календарь',
  'cal.provider.microsoft': 'Microsoft 365',
  'cal.linked': (p: { provider: string; account: string }) =>
    `Календарь подключён: ${p.provider}, ${p.account}. Предлагаемое время будет обходить ваши занятые часы. Это не ваш аккаунт? Нажмите «Отключить».`,
  'cal.disconnected': (p: { provider: string }) =>
    `${p.provider} отключён: у Tandem больше нет к нему доступа. Можно также убрать Tandem в настройках безопасности вашего аккаунта.`,
  'cal.notConnected': 'Этот календарь уже не подключён.',
  'cal.page.title': 'Tandem — календарь',
  'cal.page.connected': (p: { provider: string; account: string }) =>
    `Календарь подключён: ${p.provider}, ${p.account}.`,
  'cal.page.denied':
    'Вы не дали доступ, поэтому календарь не подключён. Передумали? Возьмите новую ссылку в чате (профиль → «Подключить календарь»).',
  'cal.page.expired':
    'Ссылка устарела или недействительна. Попросите новую в чате с Tandem (профиль → «Подключить календарь»).',
  'cal.page.used':
    'Эта ссылка уже использована: каждая ссылка подключает календарь один раз. Что подключено, видно в чате с Tandem; новую ссылку можно взять в профиле → «Подключить календарь».',
  'cal.page.otherAccount':
    'Вы вошли не с тем аккаунтом: у человека, для которого сделана эта ссылка, в Tandem указана другая рабочая почта, поэтому календарь не подключён. Чтобы подключить свой календарь, возьмите ссылку в своём чате с Tandem (профиль → «Подключить календарь») и войдите с рабочим аккаунтом.',
  'cal.page.failed': (p: { provider: string }) =>
    `${p.provider} не ответил, поэтому календарь не подключён. Попробуйте ещё раз через несколько минут с новой ссылкой (профиль → «Подключить календарь»).`,
  'cal.page.back': 'Эту вкладку можно закрыть и вернуться в чат.',
};
