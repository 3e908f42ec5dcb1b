import { afterEach, describe, expect, it } from 'vitest';
import type { UserInfo } from '../../src/core/events';
import { openDatabase, type TandemDatabase } from '../../src/db/client';
import { upsertUser } from '../../src/db/queries/users';

/**
 * What each event's person write keeps and replaces. It runs as one statement prepared once
 * per connection, so what used to be decided per call (an empty name, an e-mail the platform
 * said nothing about) is decided in its SQL: this pins that down, call after call.
 */
let database: TandemDatabase | undefined;
afterEach(() => database?.close());

const ref = { platform: 'slack' as const, workspace: 'T1', id: 'U1' };
const at = (minute: number) => new Date(Date.UTC(2026, 11, 7, 16, minute));

describe('the person written with every event', () => {
  it('takes what the platform says now and keeps what it left out', async () => {
    database = openDatabase(':memory:');
    const save = (info: Omit<UserInfo, 'ref'>, minute: number) =>
      upsertUser(database?.db as TandemDatabase['db'], { ref, ...info }, at(minute));

    const first = await save(
      { name: 'Pat Lee', locale: 'ru-RU', timeZone: 'Europe/Moscow', email: 'pat@example.com' },
      0,
    );
    expect(first).toMatchObject({
      name: 'Pat Lee',
      platformLocale: 'ru-RU',
      timeZone: 'Europe/Moscow',
      email: 'pat@example.com',
      createdAt: at(0),
      lastSeenAt: at(0),
    });

    // users.info failed: nothing but the id. Name, language, zone and e-mail stay.
    const bare = await save({}, 1);
    expect(bare).toMatchObject({
      id: first.id,
      name: 'Pat Lee',
      platformLocale: 'ru-RU',
      timeZone: 'Europe/Moscow',
      email: 'pat@example.com',
      createdAt: at(0),
      lastSeenAt: at(1),
    });

    // The platform answered without the e-mail (the scope taken away): it is dropped.
    const moved = await save({ name: 'Pat Lee-Roe', timeZone: 'Europe/Berlin', email: null }, 2);
    expect(moved).toMatchObject({
      id: first.id,
      name: 'Pat Lee-Roe',
      platformLocale: 'ru-RU',
      timeZone: 'Europe/Berlin',
      email: null,
      lastSeenAt: at(2),
    });

    // And a second person is a row of their own.
    const other = await upsertUser(database.db, { ref: { ...ref, id: 'U2' }, name: 'Sam' }, at(3));
    expect(other.id).not.toBe(first.id);
    expect(other).toMatchObject({ name: 'Sam', email: null, platformLocale: null });
  });
});
