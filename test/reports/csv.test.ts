import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { one } from '../../src/db/first';
import { goals, meetings, pairs } from '../../src/db/schema';
import { createTestApp, type TestApp } from '../helpers/app';
import { type ConsoleChat, startConsoleChat } from '../helpers/console-chat';
import { consoleRef } from '../helpers/pair';
import { participant } from '../helpers/participants';

let app: TestApp;
let chat: ConsoleChat;
afterEach(async () => {
  await chat?.stop();
  app?.close();
  app?.dispose();
});

/** Rows of one exported file, read as a spreadsheet would: any line break outside quotes ends a row. */
function readCsv(out: string, table: string): Record<string, string>[] {
  const path = new RegExp(`File saved: (\\S+-tandem-${table}-[\\d-]+\\.csv)`).exec(out)?.[1] ?? '';
  return parse(readFileSync(path, 'utf8'), {
    bom: true,
    columns: true,
    record_delimiter: ['\r\n', '\n', '\r'],
  }) as Record<string, string>[];
}

describe('the CSV export, read back', () => {
  it('quotes a cell with a line break, and writes times to the second', async () => {
    app = createTestApp({ env: { ADMIN_IDS: 'console:hana' } });
    // Stamps with milliseconds, as every real one has.
    app.clock.set('2026-11-24T09:15:42.387Z');
    const db = app.database.db;
    const now = app.clock.now();
    const lena = await participant(app, consoleRef('lena'), 'Lena Orlova', {
      role: 'mentor',
      grade: 1,
    });
    const tom = await participant(app, consoleRef('tom'), 'Tom Berg', { role: 'mentee', grade: 5 });
    const pairId = (
      await one(
        db
          .insert(pairs)
          .values({ mentorUserId: lena, menteeUserId: tom, createdAt: now })
          .returning(),
      )
    ).id;
    const typed = {
      specific: 'Build the report bot\nthen show the team',
      measure: 'Two reports a week\rno manual steps',
      topic: 'Prompts:\n1) summary\n2) tone',
    };
    await db.insert(goals).values({
      pairId,
      ownerUserId: tom,
      specific: typed.specific,
      measure: typed.measure,
      deadline: '2027-01-31',
      relevant: 'Saves Fridays',
      createdAt: now,
      updatedAt: now,
    });
    await db.insert(meetings).values({
      pairId,
      kind: 'sprint',
      startsAt: now,
      durationMin: 120,
      topic: typed.topic,
      status: 'held',
      createdAt: now,
      updatedAt: now,
    });

    app.clock.set('2026-12-01T09:00:00Z');
    chat = await startConsoleChat(app, { me: { id: 'hana', name: 'Hana Hr' } });
    const out = await chat.type('/export');

    const goalRows = readCsv(out, 'goals');
    expect(goalRows).toHaveLength(1);
    expect(goalRows[0]).toMatchObject({ goal: typed.specific, measure: typed.measure });
    const meetingRows = readCsv(out, 'meetings');
    expect(meetingRows).toHaveLength(1);
    expect(meetingRows[0]).toMatchObject({ topic: typed.topic, starts_at: '2026-11-24T09:15:42Z' });
    // Every time in every file: ISO 8601 to the second, never milliseconds.
    for (const table of ['participants', 'pairs', 'meetings', 'goals']) {
      for (const row of readCsv(out, table)) {
        for (const [column, value] of Object.entries(row)) {
          if (!column.endsWith('_at') || value === '') continue;
          expect(value, `${table}.${column}`).toMatch(
            /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/,
          );
        }
      }
    }
  });
});
