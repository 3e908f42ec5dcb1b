import { dayOptions, parseDay, parseTime, combine } from './src/features/scheduling/when';
import { meetingIcs } from './src/features/scheduling/ics';
import * as chrono from 'chrono-node';
const show = (...a: unknown[]) => console.log(...a);
// near midnight: now 2026-03-10 23:30 in Tokyo = 14:30Z; server TZ whatever
const now = new Date('2026-03-10T23:30:00Z'); // 2026-03-11 08:30 Tokyo, 2026-03-10 16:30 LA
for (const zone of ['Asia/Tokyo','America/Los_Angeles','Europe/Moscow']) {
  show(zone, dayOptions(now, zone, 'en').slice(0,2).map(o=>o.value));
  for (const t of ['tomorrow','завтра','today','сегодня','friday','next friday','3 декабря','3 Dec','in 2 days','через 2 дня','15 march','Dec 3 15:00','March 3']) show('  ', t, '=>', parseDay(t, now, zone));
}
show('TZ env', process.env.TZ, Intl.DateTimeFormat().resolvedOptions().timeZone);
for (const t of ['3pm','в 15','15:30','15.30','noon','9','half past 3','7 pm','24:00','0:00','3','в 3 часа дня']) show('time', t, parseTime(t));
// DST
show('gap', combine('2026-03-29','02:30','Europe/Berlin', new Date('2026-01-01')));
show('fallback', combine('2026-10-25','02:30','Europe/Berlin', new Date('2026-01-01')));
show('fallback US', combine('2026-11-01','01:30','America/New_York', new Date('2026-01-01')));
show('bad zone', combine('2026-11-01','01:30','Mars/Base', new Date('2026-01-01')));
show('bad zone days', dayOptions(now, 'Mars/Base', 'en').slice(0,2));
show(meetingIcs({id: 7, sequence: 2, startsAt: new Date('2026-12-03T14:00:00Z'), durationMin: 120, title: 'T', description: 'd', link: 'https://x'}, 'CANCEL'));
