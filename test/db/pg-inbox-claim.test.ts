import { describe, expect, it } from 'vitest';
import { claimNextInbox, finishInbox, insertInbox } from '../../src/db/queries/inbox';
import type { TestApp } from '../helpers/app';
import { replicaApps } from '../helpers/replicas';
import { TEST_PG } from '../pg/template';

/**
 * Replicas on one PostgreSQL database pick their next event at the same moments: each event
 * is claimed by one of them only, each conversation's events in the order they came, and
 * both get work. On PostgreSQL only (`npm run test:pg`).
 */
const NOW = new Date('2026-12-01T09:00:00Z');
const LEASE = new Date(NOW.getTime() + 30_000);
const replicas = replicaApps();

describe.skipIf(!TEST_PG)('replicas claiming the inbox (PostgreSQL)', () => {
  it('two replicas claiming at once never take the same event, and keep each conversation in order', async () => {
    const [a, b] = replicas(2) as [TestApp, TestApp];
    const conversations = 6;
    const ids = new Map<number, string>();
    for (let k = 0; k < 90; k++) {
      const conversation = `c${k % conversations}`;
      const id = await insertInbox(
        a.database.db,
        {
          key: `k${k}`,
          lane: (k % 5 === 0 ? 0 : 1) as 0 | 1,
          conversation,
          person: 'p',
          payload: '{}',
        },
        NOW,
      );
      ids.set(id ?? 0, conversation);
    }
    const claimed: { id: number; by: string }[] = [];
    const worker = async (app: TestApp, name: string) => {
      // Each takes the next event, holds it a moment (its unit of work), marks it done.
      for (let idle = 0; claimed.length < ids.size && idle < 200; ) {
        const next = await claimNextInbox(app.database.db, NOW, LEASE);
        if (!next) {
          idle += 1;
          await new Promise((resolve) => setTimeout(resolve, 2));
          continue;
        }
        claimed.push({ id: next.row.id, by: name });
        expect(next.attempts).toBe(1);
        await new Promise((resolve) => setTimeout(resolve, 1));
        await finishInbox(app.database.db, next.row.id, NOW);
      }
    };
    await Promise.all([worker(a, 'a'), worker(b, 'b'), worker(a, 'a2'), worker(b, 'b2')]);
    const once = claimed.map((c) => c.id);
    expect(new Set(once).size).toBe(once.length);
    expect([...once].sort((x, y) => x - y)).toEqual([...ids.keys()].sort((x, y) => x - y));
    // Per conversation, claims in id order: a later event never ran before an earlier one.
    for (let c = 0; c < conversations; c++) {
      const mine = once.filter((id) => ids.get(id) === `c${c}`);
      expect(mine).toEqual([...mine].sort((x, y) => x - y));
    }
    // Both replicas did part of the work.
    expect(new Set(claimed.map((c) => c.by[0])).size).toBe(2);
  });
});
