import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { enqueue } from '../../src/core/outbox';
import { onPostgres } from '../../src/db/dialect';
import { one } from '../../src/db/first';
import { audit } from '../../src/db/queries/audit';
import {
  MYDATA_SECTIONS,
  USER_REFERENCES,
  type UserReference,
} from '../../src/db/queries/personal-data';
import { scheduleTimer } from '../../src/db/queries/timers';
import {
  broadcasts,
  calendarLinks,
  contentPosts,
  experimentOutcomes,
  experiments,
  finalSurveys,
  formSessions,
  goals,
  matchRounds,
  meetingFeedback,
  meetings,
  pairFit,
  pairs,
  programs,
  proposals,
  stories,
  storyInvites,
  surveyInvites,
  userRoles,
} from '../../src/db/schema';
import { rawRows } from '../../src/db/sqlite';
import { createTestApp, type TestApp } from '../helpers/app';
import { type ConsoleChat, ME, ME_REF, startConsoleChat } from '../helpers/console-chat';
import { consoleRef } from '../helpers/pair';
import { participant } from '../helpers/participants';

let app: TestApp;
let chat: ConsoleChat;
afterEach(async () => {
  await chat?.stop();
  app?.close();
  app?.dispose();
});

type Ref = keyof typeof USER_REFERENCES;

/** Columns that point at `users` in the database the real migrations build. */
async function userForeignKeys(): Promise<string[]> {
  const db = app.database.db;
  if (onPostgres(db)) {
    const refs = await rawRows<{ ref: string }>(
      db,
      `select kcu.table_name || '.' || kcu.column_name as ref
         from information_schema.referential_constraints rc
         join information_schema.key_column_usage kcu
           on kcu.constraint_name = rc.constraint_name and kcu.constraint_schema = rc.constraint_schema
         join information_schema.constraint_column_usage ccu
           on ccu.constraint_name = rc.unique_constraint_name and ccu.constraint_schema = rc.unique_constraint_schema
        where ccu.table_name = 'users' and kcu.table_schema = current_schema()`,
    );
    return refs.map((r) => r.ref).sort();
  }
  const sqlite = app.database.sqlite;
  const tables = sqlite
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")
    .all() as { name: string }[];
  return tables
    .flatMap(({ name }) =>
      (
        sqlite.prepare(`pragma foreign_key_list(${JSON.stringify(name)})`).all() as {
          table: string;
          from: string;
        }[]
      )
        .filter((fk) => fk.table === 'users')
        .map((fk) => `${name}.${fk.from}`),
    )
    .sort();
}

describe('/mydata', () => {
  it('knows what leaving does with every column that points at a person, and shows each', async () => {
    app = createTestApp();
    // A new table referring to people fails here until personal-data.ts says what leaving
    // does with it and which /mydata section shows it.
    expect(await userForeignKeys()).toEqual(Object.keys(USER_REFERENCES).sort());
    const sections = new Set(
      Object.values(USER_REFERENCES as Record<string, UserReference>).map((r) => r.mydata),
    );
    expect([...sections].sort()).toEqual([...MYDATA_SECTIONS].sort());
  });

  it('holds everything stored about me, people by name, from every table that refers to me', async () => {
    app = createTestApp();
    const db = app.database.db;
    const now = app.clock.now();
    const me = await participant(app, ME_REF, ME.name, {
      role: 'both',
      grade: 3,
      department: 'Field Robotics',
      interests: ['bouldering'],
      teach: ['ai'],
      learn: ['social_media'],
    });
    const lena = await participant(app, consoleRef('lena'), 'Lena Orlova', {
      role: 'mentor',
      grade: 1,
    });
    const omar = await participant(app, consoleRef('omar'), 'Omar Exec', {
      role: 'mentee',
      grade: 5,
    });
    const hana = await participant(app, consoleRef('hana'), 'Hana Hr', {
      role: 'mentee',
      grade: 4,
    });
    const pair = async (mentor: number, mentee: number) =>
      (
        await one(
          db
            .insert(pairs)
            .values({ mentorUserId: mentor, menteeUserId: mentee, createdAt: now })
            .returning(),
        )
      ).id;
    const learning = await pair(lena, me);
    await pair(me, omar);
    const meeting = (
      await one(
        db
          .insert(meetings)
          .values({
            pairId: learning,
            kind: 'sprint',
            startsAt: now,
            durationMin: 120,
            topic: 'Prompt library for Field Robotics',
            status: 'held',
            createdBy: me,
            createdAt: now,
            updatedAt: now,
          })
          .returning(),
      )
    ).id;
    const idea = async (author: number, sponsor: number, title: string) =>
      (
        await one(
          db
            .insert(experiments)
            .values({
              authorUserId: author,
              pairId: learning,
              sponsorUserId: sponsor,
              title,
              hypothesis: 'h',
              smallestTest: 's',
              measure: 'm',
              status: 'concluded',
              checkDate: '2026-12-20',
              createdAt: now,
              updatedAt: now,
            })
            .returning(),
        )
      ).id;
    const mine = await idea(me, lena, 'Auto-tag service tickets');

    // One row per column that points at a person; a missing entry doesn't compile.
    const populate: Record<Ref, () => unknown> = {
      'audit_log.actor_user_id': () =>
        audit(db, { actorUserId: me, action: 'profile.created' }, now),
      'broadcasts.by_user_id': async () =>
        await db
          .insert(broadcasts)
          .values({ text: 'All hands Friday', byUserId: me, createdAt: now }),
      'calendar_links.user_id': async () =>
        await db.insert(calendarLinks).values({
          userId: me,
          provider: 'google',
          account: 'me@example.com',
          tokens: 'v1.sealed',
          expiresAt: now,
          createdAt: now,
          updatedAt: now,
        }),
      'content_posts.by_user_id': async () =>
        await db.insert(contentPosts).values({
          byUserId: me,
          url: 'https://example.com/a',
          comment: 'Read this',
          createdAt: now,
        }),
      'experiment_outcomes.user_id': async () =>
        await db.insert(experimentOutcomes).values([
          {
            experimentId: mine,
            userId: me,
            outcome: 'worked',
            note: 'Saved 3 h a week',
            createdAt: now,
          },
          {
            experimentId: mine,
            userId: lena,
            outcome: 'learned',
            note: 'Tags need review',
            createdAt: now,
          },
        ]),
      'experiments.author_user_id': () => {},
      'experiments.sponsor_user_id': () => idea(omar, me, 'Voice notes for field reports'),
      'final_surveys.user_id': async () =>
        await db.insert(finalSurveys).values({
          program: 'default',
          userId: me,
          overall: 5,
          nps: 9,
          changed: 'I ask juniors first',
          createdAt: now,
          updatedAt: now,
        }),
      'form_sessions.user_id': async () =>
        await db.insert(formSessions).values({
          id: 'form-1',
          userId: me,
          formId: 'goal',
          status: 'active',
          field: 'measure',
          history: ['specific'],
          values: { specific: 'Write ten prompts' },
          createdAt: now,
          updatedAt: now,
        }),
      'goals.owner_user_id': async () =>
        await db.insert(goals).values({
          pairId: learning,
          ownerUserId: me,
          specific: 'Write ten prompts',
          measure: '10 prompts in the library',
          deadline: '2027-01-15',
          relevant: 'Faster reports',
          createdAt: now,
          updatedAt: now,
        }),
      'match_rounds.created_by': async () =>
        await db
          .insert(matchRounds)
          .values({ createdBy: me, proposals: 4, totalScore: 40, createdAt: now }),
      'meeting_feedback.user_id': async () =>
        await db.insert(meetingFeedback).values({
          meetingId: meeting,
          userId: me,
          usefulness: 5,
          learned: 'Few-shot prompts',
          createdAt: now,
          updatedAt: now,
        }),
      'meetings.created_by': () => {},
      'outbox.user_id': async () =>
        await enqueue(
          db,
          {
            dedupeKey: 'test:waiting',
            target: { kind: 'user', user: ME_REF },
            payload: {
              kind: 'reply',
              reply: { kind: 'text', text: 'Your sprint starts in 1 hour' },
              locale: 'en',
            },
            userId: me,
          },
          now,
        ),
      'pair_fit.user_id': async () =>
        await db
          .insert(pairFit)
          .values({ pairId: learning, userId: me, fit: 'good', createdAt: now }),
      'pairs.mentee_user_id': () => {},
      'pairs.mentor_user_id': () => {},
      'profiles.user_id': () => {},
      'programs.created_by': async () =>
        await db.insert(programs).values({
          name: 'Spring cohort',
          startDate: '2027-03-01',
          endDate: '2027-06-30',
          createdBy: me,
          createdAt: now,
        }),
      'proposals.mentee_user_id': async () =>
        await db.insert(proposals).values({
          mentorUserId: lena,
          menteeUserId: me,
          score: 13,
          reasons: { topics: ['social_media'], interests: ['bouldering'], hoursApart: 0 },
          status: 'accepted',
          expiresAt: now,
          createdAt: now,
        }),
      'proposals.mentor_user_id': () => {},
      'stories.author_user_id': async () =>
        await db.insert(stories).values({
          authorUserId: me,
          text: 'How a junior taught me prompts',
          status: 'edited',
          editedText: 'How a colleague taught me prompts',
          reviewNote: 'Please leave out the client name',
          reviewedBy: hana,
          createdAt: now,
        }),
      'stories.reviewed_by': async () =>
        await db.insert(stories).values({
          authorUserId: lena,
          text: 'Lena’s story',
          status: 'published',
          reviewedBy: me,
          createdAt: now,
        }),
      'story_invites.user_id': async () =>
        await db.insert(storyInvites).values({ pairId: learning, userId: me, createdAt: now }),
      'survey_invites.user_id': async () =>
        await db.insert(surveyInvites).values({ program: 'default', userId: me, createdAt: now }),
      'timers.user_id': () =>
        scheduleTimer(
          db,
          {
            kind: 'goal.deadline',
            dueAt: now,
            payload: { goalId: 1 },
            dedupeKey: 'test:timer',
            userId: me,
          },
          now,
        ),
      'user_roles.user_id': async () =>
        await db.insert(userRoles).values({ userId: me, role: 'hr', grantedAt: now }),
    };
    for (const fill of Object.values(populate)) await fill();

    chat = await startConsoleChat(app);
    const out = await chat.type('/mydata');
    const path = /File saved: (.+\.json)/.exec(out)?.[1] ?? '';
    const data = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

    // Every section named for a column that points at me holds something.
    for (const [ref, spec] of Object.entries(USER_REFERENCES as Record<string, UserReference>)) {
      const section = data[spec.mydata];
      const filled = Array.isArray(section)
        ? section.length > 0
        : section !== null &&
          Object.values(section as object).some((v) =>
            Array.isArray(v) ? v.length > 0 : v !== null,
          );
      expect(filled, `${ref} → ${spec.mydata}`).toBe(true);
    }
    // Readable: partners by name, never as a number; topics by name; HR's words; outcomes.
    expect(data.pairs).toEqual([
      expect.objectContaining({ myRole: 'mentee', partner: 'Lena Orlova', status: 'active' }),
      expect.objectContaining({ myRole: 'mentor', partner: 'Omar Exec', status: 'active' }),
    ]);
    expect(data.profile).toMatchObject({
      department: 'Field Robotics',
      topicsITeach: ['AI and neural networks'],
      topicsIWantToLearn: ['Social media and personal brand'],
    });
    expect(data.meetings).toEqual([
      expect.objectContaining({
        with: 'Lena Orlova',
        topic: 'Prompt library for Field Robotics',
        status: 'held',
        bookedBy: 'me',
      }),
    ]);
    expect(data.feedback).toEqual([
      expect.objectContaining({
        session: { with: 'Lena Orlova', startsAt: now.toISOString() },
        usefulness: 5,
        learnedOrTaught: 'Few-shot prompts',
      }),
    ]);
    expect(data.ideas).toContainEqual(
      expect.objectContaining({
        title: 'Auto-tag service tickets',
        author: 'me',
        sponsor: 'Lena Orlova',
        pilotOutcomes: [
          expect.objectContaining({ by: 'me', outcome: 'worked', note: 'Saved 3 h a week' }),
          expect.objectContaining({ by: 'Lena Orlova', outcome: 'learned' }),
        ],
      }),
    );
    expect(data.stories).toContainEqual(
      expect.objectContaining({
        hrEdit: 'How a colleague taught me prompts',
        hrComment: 'Please leave out the client name',
        reviewedBy: 'Hana Hr',
      }),
    );
    expect(data.proposals).toEqual([
      expect.objectContaining({
        partner: 'Lena Orlova',
        why: {
          topics: ['Social media and personal brand'],
          sharedInterests: ['bouldering'],
          hoursApart: 0,
        },
      }),
    ]);
    expect(data.finalSurveys).toEqual([
      expect.objectContaining({ nps: 9, whatChanged: 'I ask juniors first' }),
    ]);
    expect(data.roles).toEqual([expect.objectContaining({ role: 'hr' })]);
    // Which calendar is connected, never its tokens.
    expect(data.calendars).toEqual([
      { provider: 'google', account: 'me@example.com', connectedAt: now.toISOString() },
    ]);
    expect(JSON.stringify(data)).not.toContain('v1.sealed');
    expect(JSON.stringify(data)).not.toMatch(/"(partner|with|author|sponsor|by|owner)":\s*\d/);
  });

  it('shows a partner who has left as a former participant', async () => {
    app = createTestApp();
    const me = await participant(app, ME_REF, ME.name, { role: 'mentor', grade: 1, teach: ['ai'] });
    await participant(app, consoleRef('lena'), 'Lena Orlova', {
      role: 'mentee',
      grade: 5,
      learn: ['ai'],
    });
    chat = await startConsoleChat(app, { people: [{ id: 'lena', name: 'Lena Orlova' }] });
    const [lena] = await rawRows<{ id: number }>(
      app.database.db,
      "select id from users where platform_user_id = 'lena'",
    );
    if (!lena) throw new Error('no lena');
    await app.database.db
      .insert(pairs)
      .values({ mentorUserId: me, menteeUserId: lena.id, createdAt: app.clock.now() });
    await chat.type('/as lena');
    await chat.type('/leave');
    await chat.type('1');
    await chat.type('/as me');
    const out = await chat.type('/mydata');
    const data = JSON.parse(readFileSync(/File saved: (.+\.json)/.exec(out)?.[1] ?? '', 'utf8'));
    expect(data.pairs).toEqual([
      expect.objectContaining({ partner: 'a former participant', status: 'ended' }),
    ]);
  });
});
