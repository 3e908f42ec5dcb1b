import { openDatabase, type TandemDatabase } from '../src/db/client';

const DAY = 24 * 60 * 60 * 1000;
/** The moment the seeded year ends (the benchmarks' "now"). */
export const SEED_NOW = new Date('2026-12-07T06:30:00Z');
const YEAR_AGO = SEED_NOW.getTime() - 365 * DAY;

/**
 * A year of a program in a new SQLite file at `path`: `people` volunteers (odd ids mentors,
 * even ids mentees, one topic each), a pair for each two of them (a fifth ended, so their
 * people wait for the next round), `meetings` sessions over the year with two poll answers
 * each. Deterministic: every run measures the same data.
 */
export function seedYear(
  path: string,
  { people, meetings }: { people: number; meetings: number },
): { database: TandemDatabase; seconds: number } {
  const pairs = people / 2;
  const database = openDatabase(path);
  const sqlite = database.sqlite;
  // A deterministic generator, so every run measures the same data.
  let seed = 42;
  const rand = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const started = performance.now();
  sqlite.transaction(() => {
    const user = sqlite.prepare(
      "insert into users (platform, workspace, platform_user_id, name, created_at) values ('console', 'local', ?, ?, ?)",
    );
    const profile = sqlite.prepare(
      "insert into profiles (user_id, role, grade, department, interests, formats, consent_at, prepared_at, joined_at, updated_at) values (?, ?, ?, 'd', '[]', '[\"one_on_one\"]', ?, ?, ?, ?)",
    );
    const topic = sqlite.prepare(
      'insert into profile_topics (user_id, topic_id, direction) values (?, ?, ?)',
    );
    const topics = [
      'ai',
      'digital_tools',
      'social_media',
      'messengers',
      'customer_experience',
      'gen_z',
      'green_economy',
    ];
    for (let i = 1; i <= people; i++) {
      const joined = YEAR_AGO + Math.floor(rand() * 330 * DAY);
      user.run(`p${i}`, `Person ${i}`, joined);
      const mentor = i % 2 === 1;
      profile.run(i, mentor ? 'mentor' : 'mentee', mentor ? 1 : 5, joined, joined, joined, joined);
      topic.run(i, topics[Math.floor(rand() * (mentor ? 6 : 7))], mentor ? 'teach' : 'learn');
    }
    const pair = sqlite.prepare(
      'insert into pairs (mentor_user_id, mentee_user_id, status, nudges_ignored, created_at, ended_at) values (?, ?, ?, ?, ?, ?)',
    );
    for (let p = 0; p < pairs; p++) {
      const created = YEAR_AGO + Math.floor(rand() * 300 * DAY);
      const ended = rand() < 0.2 ? created + 60 * DAY : null;
      pair.run(
        2 * p + 1,
        2 * p + 2,
        ended ? 'ended' : 'active',
        Math.floor(rand() * 4),
        created,
        ended,
      );
    }
    const meeting = sqlite.prepare(
      "insert into meetings (pair_id, kind, starts_at, duration_min, topic, status, created_at, updated_at, uid) values (?, 'sprint', ?, 120, 't', ?, ?, ?, 'bench-' || ?)",
    );
    const answer = sqlite.prepare(
      'insert into meeting_feedback (meeting_id, user_id, usefulness, created_at, updated_at) values (?, ?, ?, ?, ?)',
    );
    const statuses = ['held', 'held', 'held', 'missed', 'cancelled'];
    for (let m = 1; m <= meetings; m++) {
      const pairId = 1 + Math.floor(rand() * pairs);
      const at = YEAR_AGO + Math.floor(rand() * 365 * DAY);
      meeting.run(pairId, at, statuses[Math.floor(rand() * statuses.length)], at, at, m);
      // Two answers per session on average (the poll counts whoever answered).
      answer.run(m, 2 * pairId - 1, 1 + Math.floor(rand() * 5), at + DAY, at + DAY);
      answer.run(m, 2 * pairId, 1 + Math.floor(rand() * 5), at + DAY, at + DAY);
    }
  })();
  // A running database checkpoints as it goes; one big seeding transaction leaves it all in the WAL.
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return { database, seconds: (performance.now() - started) / 1000 };
}
