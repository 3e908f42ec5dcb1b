import type { Feature } from '../feature';
import { calendarActions, calendarCommand } from './commands';
import { en } from './en';
import { ru } from './ru';

/** Connecting a Google or Microsoft 365 calendar (free/busy only), and disconnecting it. */
export const calendars = {
  name: 'cal',
  commands: { calendar: calendarCommand },
  actions: [calendarActions],
  messages: { en, ru },
} satisfies Feature;
