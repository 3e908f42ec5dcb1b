/**
 * Timer rows at scale: 100 000 scheduled meetings (three timer rows each: two reminders and
 * the "did it happen?"). Measures one `runDue` pass finding and running what is due, against
 * a bare indexed SELECT of the same rows in the same run (the floor).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/client';
import { runDueTimers } from '../src/jobs/timers';
import { silentLogger } from '../src/logger';

const MEETINGS = Number(process.env.BENCH_MEETINGS ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-timers-'));
const path = join(dir, 'bench.db');
const database = openDatabase(path);
const config = loadConfig({ DATABASE_PATH: path });
const sqlite = database.sqlite;
const start = Date.parse('2027-01-01T00:00:00Z');
const YEAR = 365 * 24 * 3600_000;

// Two people, one pair, and 100 000 meetings spread over a year (ids are all the engine needs).
sqlite.exec(`insert into users (platform, workspace, platform_user_id, name, created_at) values
  ('console','local','a','A',0), ('console','local','b','B',0);
  insert into pairs (mentor_user_id, mentee_user_id, created_at) values (1, 2, 0);`);
const meeting = sqlite.prepare(
  `insert into meetings (pair_id, kind, starts_at, duration_min, topic, status, sequence, created_at, updated_at, uid)
   values (1, 'sprint', ?, 120, 'bench', 'scheduled', 0, 0, 0, 'bench-' || ?)`,
);
const timer = sqlite.prepare(
  `insert into timers (kind, due_at, payload, status, dedupe_key, created_at) values (?, ?, ?, 'pending', ?, 0)`,
);
sqlite.transaction(() => {
  for (let i = 0; i < MEETINGS; i++) {
    const at = start + Math.floor((i / MEETINGS) * YEAR);
    const id = Number(meeting.run(at, i).lastInsertRowid);
    timer.run(
      'meeting.remind',
      at - 24 * 3600_000,
      JSON.stringify({ meetingId: id, hours: 24, sequence: 0 }),
      `meeting:${id}:remind:24:0`,
    );
    timer.run(
      'meeting.remind',
      at - 3600_000,
      JSON.stringify({ meetingId: id, hours: 1, sequence: 0 }),
      `meeting:${id}:remind:1:0`,
    );
    timer.run(
      'meeting.after',
      at + 120 * 60_000,
      JSON.stringify({ meetingId: id, sequence: 0 }),
      `meeting:${id}:after:0`,
    );
  }
})();

// A moment one minute into the year: a handful of rows are due, as on any ordinary tick.
const now = new Date(start + 30 * 24 * 3600_000);
const select = sqlite.prepare(
  `select * from timers where status = 'pending' and due_at <= ? order by due_at limit 500`,
);
const t0 = performance.now();
select.all(now.getTime());
const baselineMs = performance.now() - t0;
// Everything older than a day ran already; the last day's rows are due (a day of downtime).
sqlite.exec(`update timers set status = 'done' where due_at < ${now.getTime() - 24 * 3600_000}`);
const t1 = performance.now();
const firstBatch = select.all(now.getTime()).length;
const findMs = performance.now() - t1;
const t2 = performance.now();
const report = await runDueTimers({ db: database.db, config, logger: silentLogger }, now);
const runMs = performance.now() - t2;

console.log(
  `\nTimer rows: ${MEETINGS} meetings, ${MEETINGS * 3} timer rows — node ${process.version}\n`,
);
console.log('| step | ms |');
console.log('|---|---:|');
console.log(
  `| baseline: indexed SELECT of 500 due rows among ${MEETINGS * 3} | ${baselineMs.toFixed(1)} |`,
);
console.log(`| find the due rows after a day of downtime (${firstBatch}) | ${findMs.toFixed(1)} |`);
console.log(
  `| runDue: claim and run them (${report.done} timers, their messages queued) | ${runMs.toFixed(1)} (${(runMs / Math.max(1, report.done)).toFixed(2)} per timer) |`,
);
console.log('\nGoal: finding and claiming due rows under 50 ms.');
database.close();
rmSync(dir, { recursive: true, force: true });
