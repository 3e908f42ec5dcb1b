import { parseDay, parseTime } from './src/features/scheduling/when';
import * as chrono from 'chrono-node';
const now = new Date('2026-11-27T07:00:00Z');
for (const t of ['3.12','03.12.2026','12/3','пт','в пятницу','понедельник','в 15:00','15:00','Dec 3 15:00','not tomorrow but friday','13','1 января','31 февраля','Feb 30', '2026-02-30','ok']) console.log(JSON.stringify(t), '=>', parseDay(t, now, 'Europe/Berlin'));
console.log(chrono.ru.parse('в 3 часа дня')[0]?.start.get('hour'), chrono.en.parse('в 3 часа дня')[0]?.text);
for (const t of ['в 3 часа дня','3 часа','полдень','7 вечера','в 7 вечера']) console.log(t, parseTime(t));
