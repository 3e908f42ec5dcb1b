/** The calendars feature's English texts; ru.ts must match them (checked by the compiler). */
export const en = {
  'cmd.calendar': 'connect your calendar, so suggested times avoid your busy hours',
  'cal.title': 'Your calendar',
  'cal.intro':
    'Connect your work calendar and the times I suggest will avoid your busy hours. I read only when you are busy — never titles, places or guests.',
  'cal.linkNote':
    'The link works once, for 10 minutes, and only for you: please don’t forward it. You can disconnect at any time.',
  'cal.connectedLine': (p: { provider: string; account: string }) =>
    `Connected: ${p.provider} — ${p.account}`,
  'cal.unavailable':
    'Connecting a calendar isn’t set up here. An admin can turn it on (see "Connect calendars" in the README).',
  'cal.button.profile': 'Connect my calendar',
  'cal.button.connect.google': 'Connect Google Calendar',
  'cal.button.connect.microsoft': 'Connect Microsoft 365',
  'cal.button.disconnect': (p: { provider: string }) => `Disconnect ${p.provider}`,
  'cal.provider.google': 'Google Calendar',
  'cal.provider.microsoft': 'Microsoft 365',
  'cal.linked': (p: { provider: string; account: string }) =>
    `Your calendar is connected: ${p.provider}, ${p.account}. Suggested times will avoid your busy hours. Not your account? Press Disconnect.`,
  'cal.disconnected': (p: { provider: string }) =>
    `${p.provider} is disconnected: Tandem no longer keeps any access to it. You can also remove Tandem in your account's security settings.`,
  'cal.notConnected': 'That calendar is not connected any more.',
  'cal.page.title': 'Tandem — calendar',
  'cal.page.connected': (p: { provider: string; account: string }) =>
    `Your calendar is connected: ${p.provider}, ${p.account}.`,
  'cal.page.denied':
    'You did not allow access, so no calendar was connected. Changed your mind? Ask for a new link in the chat (your profile → Connect my calendar).',
  'cal.page.expired':
    'This link has expired or is not valid. Ask for a new one in the chat with Tandem (your profile → Connect my calendar).',
  'cal.page.used':
    'This link has already been used: each link connects a calendar once. Your chat with Tandem shows what is connected; for a new link, go to your profile → Connect my calendar.',
  'cal.page.otherAccount':
    'You signed in with an account other than the work e-mail Tandem knows for the person this link was made for, so no calendar was connected. To connect your own calendar, ask for a link in your chat with Tandem (your profile → Connect my calendar) and sign in with your work account.',
  'cal.page.failed': (p: { provider: string }) =>
    `${p.provider} could not be reached, so no calendar was connected. Please try again in a few minutes with a new link (your profile → Connect my calendar).`,
  'cal.page.back': 'You can close this tab and go back to the chat.',
};
