import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client';
import { databaseBefore } from '../helpers/old-database';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('event keys kept by an older Tandem', () => {
  it('are dropped from inbound dedupe and from reply dedupe keys when the database is upgraded', () => {
    dir = mkdtempSync(join(tmpdir(), 'tandem-db-'));
    const path = join(dir, 'tandem.db');
    // A database as the previous version left it: event keys in clear, a Slack press's with
    // the person's user id in it.
    const old = databaseBefore(dir, path, '0004');
    old.exec(`
      insert into inbound_events (key, received_at) values ('slack:T1:act:UOLDLEAVER:1700.1', 0);
      insert into outbox (dedupe_key, platform, target_key, target, status, next_attempt_at, created_at)
        values ('slack:T1:act:UOLDLEAVER:1700.1:1', 'slack', 'slack:T1:dm:UX', '{}', 'sent', 0, 0),
               ('goal:7:new', 'slack', 'slack:T1:dm:UX', '{}', 'sent', 0, 0);
    `);
    old.close();

    const upgraded = openDatabase(path);
    // (Dedupe keys live in the inbox since 0008; the clear one did not make it there.)
    expect(upgraded.inbox.sqlite.prepare('select key from inbox').all()).toEqual([]);
    expect(
      upgraded.sqlite.prepare('select id, dedupe_key as key from outbox order by id').all(),
    ).toEqual([
      { id: 1, key: 'event:1' },
      { id: 2, key: 'goal:7:new' },
    ]);
    upgraded.close();
  });
});
