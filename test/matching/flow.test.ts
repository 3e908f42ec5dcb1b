import { afterEach, describe, expect, it } from 'vitest';
import { rawRows } from '../../src/db/sqlite';
import { seedDemoCompany } from '../../src/demo/seed';
import { runDueTimers } from '../../src/jobs/timers';
import { silentLogger } from '../../src/logger';
import { createTestApp, jobDepsOf, type TestApp } from '../helpers/app';
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

const rows = (sql: string) => rawRows<Record<string, unknown>>(app.database.db, sql);
const one = async (sql: string) => (await rows(sql))[0];

/** The demo company, with the console operator as admin (as `npm start` sets it up). */
async function demo() {
  app = createTestApp({ env: { ADMIN_IDS: 'console:me' } });
  await seedDemoCompany(app.database.db, app.clock.now());
  chat = await startConsoleChat(app);
}

/** Presses "Accept"/"Decline" on the proposal as this person. */
async function answer(person: string, accept: boolean) {
  await chat.type(`/as ${person}`);
  const menu = chat.transcript();
  return chat.type(accept ? '1' : '2').then((out) => ({ out, before: menu }));
}

describe('matching rounds in the console demo', () => {
  it('says a proposal waiting for an answer stays open through a break', async () => {
    await demo();
    await chat.type('/match publish');
    await chat.type('/as emma');
    await chat.type('/lang en');
    const paused = await chat.type('/pause 2');
    expect(paused).toContain('no new matches');
    expect(paused).toContain(
      "Your proposal with Maria Ivanova is still waiting for your answer; the break doesn't withdraw it.",
    );
    // Someone with no proposal hears nothing of the kind.
    await chat.type('/as pavel');
    await chat.type('/lang en');
    const other = await chat.type('/pause 1');
    expect(other).toContain('no new matches');
    expect(other).not.toContain('still waiting for your answer');
  });

  it('previews with scores and reasons, publishes, and pairs people who both accept', async () => {
    await demo();
    const preview = await chat.type('/match preview');
    expect(preview).toContain('── Matching preview ──');
    expect(preview).toContain(
      'Anna Petrova (Marketing, L1) → Dmitry Sokolov (Management, L5) · score 14',
    );
    expect(preview).toContain(
      'teaches Social media and personal brand; shared interests: running; same time zone',
    );
    expect(preview).toContain('Pavel Morozov: has not read the preparation guide');
    expect(preview).toContain('Natalia Fedorova: on a break');
    // Strongest pairs first.
    const scores = [...preview.matchAll(/· score (\d+)/g)].map((m) => Number(m[1]));
    expect(scores).toEqual([21, 14, 12, 11, 5]);
    expect(preview).toContain(
      'Optimal: no other pairing scores higher (checked against every eligible pair; the check added no pairs).',
    );
    expect(await rows('select * from proposals')).toHaveLength(0);

    const published = await chat.type('/match publish');
    expect(published).toContain('Sent 5 proposals');
    expect(published).toContain('→ to Dmitry Sokolov · Tandem:');
    expect(await rows("select * from proposals where status = 'open'")).toHaveLength(5);
    expect(
      await rows("select * from timers where kind = 'proposal.expire' and status = 'pending'"),
    ).toHaveLength(5);
    // Publishing again sends nothing new.
    expect(await chat.type('/match publish')).toContain('There is nothing new to send');
    expect(await rows('select * from proposals')).toHaveLength(5);

    expect((await answer('dmitry', true)).out).toContain(
      'Спасибо! Сообщим, как только ответит Anna Petrova.',
    );
    const paired = (await answer('anna', true)).out;
    expect(paired).toContain('── У вас пара! ──');
    expect(paired).toContain('→ to Dmitry Sokolov · Tandem:');
    expect(paired).toContain('Чтобы начать разговор:');
    expect(
      await one(
        "select status from pairs where mentor_user_id = (select id from users where platform_user_id = 'anna')",
      ),
    ).toEqual({ status: 'active' });
    // Pressing again changes nothing.
    expect(await chat.type('1')).toContain('Это предложение уже закрыто.');
    // /pair shows the partner; the proposal is no longer waiting.
    expect(await chat.type('/pair')).toContain(
      'Вы наставник для Dmitry Sokolov (Соцсети и личный бренд).',
    );
  });

  it('shows proposals waiting for an answer again (/pair, and on arrival), and keeps a repeated Accept harmless', async () => {
    await demo();
    await chat.type('/match publish');
    await chat.type('/as dmitry');
    expect(await chat.type('1')).toContain('Сообщим, как только ответит Anna Petrova.');
    expect(await chat.type('1')).toContain('Сообщим, как только ответит Anna Petrova.');
    expect(
      await one(
        "select mentee_answer, status from proposals where mentee_user_id = (select id from users where platform_user_id = 'dmitry')",
      ),
    ).toEqual({
      mentee_answer: 'accepted',
      status: 'open',
    });
    // Anna arrives (as after a restart): her proposal is shown again with its buttons.
    const arrival = await chat.type('/as anna');
    expect(arrival).toContain('Вы можете стать наставником для Dmitry Sokolov');
    expect(await chat.type('/pair')).toContain('Вы можете стать наставником для Dmitry Sokolov');
    expect(await chat.type('1')).toContain('Вы с Dmitry Sokolov — пара!');
  });

  it('/pair after accepting says whom it waits for, and until when, in both languages', async () => {
    await demo();
    await chat.type('/match publish');
    await answer('dmitry', true);
    const ru = await chat.type('/pair');
    expect(ru).toContain('Вы согласились; ждём ответа от Anna Petrova (до пт, 4 дек., 12:00).');
    expect(ru).not.toContain('Пары пока нет');
    await chat.type('/lang en');
    const en = await chat.type('/pair');
    expect(en).toContain(
      'You accepted; waiting for Anna Petrova to answer (until Fri, 4 Dec, 12:00).',
    );
    expect(en).not.toContain('No partner yet');
  });

  it('tells the other side kindly on a decline, and never proposes that pair again', async () => {
    await demo();
    await chat.type('/match publish');
    const declined = (await answer('dmitry', false)).out;
    expect(declined).toContain('эту пару больше не предложим');
    expect(declined).toContain('→ to Anna Petrova · Tandem:');
    expect(declined).toContain(
      'Dmitry Sokolov сейчас не может участвовать в этой паре — дело не в вас.',
    );
    await chat.type('/as me');
    const next = await chat.type('/match preview');
    expect(next).not.toContain('Anna Petrova (Marketing, L1) → Dmitry Sokolov');
    // Anna was the only one teaching Dmitry's topics but AI: he is back in the pool with others.
    expect(next).toContain('Dmitry Sokolov');
  });

  it('closes proposals nobody answered after the TTL, and refuses late answers', async () => {
    await demo();
    await chat.type('/match publish');
    await answer('dmitry', true);
    app.clock.advance(73 * 3600_000);
    const report = await runDueTimers(
      { db: app.database.db, config: app.config, logger: silentLogger, adapters: app.adapters },
      app.clock.now(),
    );
    // Five reminders a day before, five expiries.
    expect(report.done).toBe(10);
    await app.settle();
    app.outbox.kick();
    await app.settle();
    expect(chat.transcript()).toContain('Предложение с Dmitry Sokolov истекло без двух ответов');
    expect(await rows("select * from proposals where status = 'expired'")).toHaveLength(5);
    expect((await answer('anna', true)).out).toContain('Это предложение уже закрыто.');
    expect(await rows('select * from pairs')).toHaveLength(0);
  });

  it('tells unmatched people why, and refuses /match to participants', async () => {
    await demo();
    await chat.type('/match publish');
    expect(chat.transcript()).toContain('→ to Ivan Volkov · Tandem:');
    expect(chat.transcript()).toContain(
      'В этом раунде пары для вас нет: подходящие вам коллеги в этот раз заняты более удачными парами.',
    );
    await chat.type('/as liam');
    expect(await chat.type('/match preview')).toContain(
      'only HR and program admins can use this command',
    );
  });

  it('tells each person left out why, for their side, in second person, once, and counts them right', async () => {
    app = createTestApp({ env: { ADMIN_IDS: 'console:me' } });
    const { participant } = await import('../helpers/participants');
    const ref = (id: string) => ({ platform: 'console' as const, workspace: 'local', id });
    // A pair that works, so the round goes out.
    await participant(app, ref('mia'), 'Mia Young', { role: 'mentor', grade: 1, teach: ['ai'] });
    await participant(app, ref('max'), 'Max Old', { role: 'mentee', grade: 5, learn: ['ai'] });
    // Only a senior teaches green economy: Sam (mentee, grade 2) needs someone MORE junior,
    // and Greg (mentor, grade 4) is wanted only by someone junior to him.
    await participant(app, ref('sam'), 'Sam Learner', {
      role: 'mentee',
      grade: 2,
      learn: ['green_economy'],
    });
    await participant(app, ref('greg'), 'Greg Senior', {
      role: 'mentor',
      grade: 4,
      teach: ['green_economy'],
    });
    // Bo would teach and learn, and fits neither way: one message with both reasons.
    await participant(app, ref('bo'), 'Bo Both', {
      role: 'both',
      grade: 3,
      teach: ['presentations'],
      learn: ['blogging_video'],
    });
    chat = await startConsoleChat(app, {
      people: [
        { id: 'mia', name: 'Mia Young' },
        { id: 'max', name: 'Max Old' },
        { id: 'sam', name: 'Sam Learner' },
        { id: 'greg', name: 'Greg Senior' },
        { id: 'bo', name: 'Bo Both' },
      ],
    });
    const preview = await chat.type('/match preview');
    expect(preview).toContain('1 proposed pair, total score 10; 3 not matched.');
    expect(preview).toContain(
      'Sam Learner: as a mentee, everyone who teaches their topics is at their grade or above',
    );
    // One line per person — Bo, left out on both sides, with both reasons — and as many lines
    // as the count says.
    expect(preview).toContain(
      '• Bo Both: as a mentor, no one wants their topics right now; as a mentee, no mentor teaches the topics they want',
    );
    expect(preview.split('Not matched this round:\n')[1]?.match(/^• /gm)).toHaveLength(3);

    const published = await chat.type('/match publish');
    expect(published).toContain("Sent 1 proposal; 3 people were told why they weren't matched.");
    // What each person was told about this round (every message to them that says "No match").
    const toWhom = (name: string) =>
      chat
        .transcript()
        .split(`→ to ${name} · Tandem:\n`)
        .slice(1)
        .map((m) => m.split('\n\n')[0] ?? '')
        .filter((m) => m.startsWith('No match'));
    expect(toWhom('Sam Learner')).toEqual([
      'No match for you in this round: everyone who teaches your topics is at your level or above — in reverse mentoring your mentor is a more junior colleague. Nothing to do on your side — the next round will try again.',
    ]);
    expect(toWhom('Greg Senior')).toEqual([
      'No match for you in this round: the colleagues who want your topics are at your level or below — in reverse mentoring you teach a more senior colleague. Nothing to do on your side — the next round will try again.',
    ]);
    expect(toWhom('Bo Both')).toEqual([
      'No match for you in this round. To teach: nobody is looking to learn your topics right now. To learn: nobody in the program teaches the topics you want to learn yet. Nothing to do on your side — the next round will try again.',
    ]);
    expect(toWhom('Mia Young')).toEqual([]);
    expect(published).not.toMatch(/their topics|higher grade/);
    // Zoe teaches what Max wants, but Max has a proposal now: that is said, not "no one".
    await participant(app, ref('zoe'), 'Zoe Late', { role: 'mentor', grade: 1, teach: ['ai'] });
    expect(await chat.type('/match preview')).toContain(
      '• Zoe Late: as a mentor, those who want their topics are already paired or waiting to answer a proposal',
    );
  });

  it('tells someone with role "both" who alone teaches what they want to learn that nobody teaches it', async () => {
    app = createTestApp({ env: { ADMIN_IDS: 'console:me' } });
    const { participant } = await import('../helpers/participants');
    const ref = (id: string) => ({ platform: 'console' as const, workspace: 'local', id });
    await participant(app, ref('mia'), 'Mia Young', { role: 'mentor', grade: 1, teach: ['ai'] });
    await participant(app, ref('max'), 'Max Old', { role: 'mentee', grade: 5, learn: ['ai'] });
    // Ada teaches social media and wants to learn more of it; nobody else teaches it.
    await participant(app, ref('ada'), 'Ada Both', {
      role: 'both',
      grade: 3,
      teach: ['social_media'],
      learn: ['social_media'],
    });
    // Ben wants green economy, which only Greg teaches — and Greg is senior to him.
    await participant(app, ref('ben'), 'Ben Both', {
      role: 'both',
      grade: 2,
      teach: ['green_economy'],
      learn: ['green_economy'],
    });
    await participant(app, ref('greg'), 'Greg Senior', {
      role: 'mentor',
      grade: 4,
      teach: ['green_economy'],
    });
    chat = await startConsoleChat(app, {
      people: [
        { id: 'mia', name: 'Mia Young' },
        { id: 'max', name: 'Max Old' },
        { id: 'ada', name: 'Ada Both' },
        { id: 'ben', name: 'Ben Both' },
        { id: 'greg', name: 'Greg Senior' },
      ],
    });
    const preview = await chat.type('/match preview');
    expect(preview).toMatch(/Ada Both: .*as a mentee, no mentor teaches the topics they want/);
    expect(preview).toMatch(
      /Ben Both: .*as a mentee, everyone who teaches their topics is at their grade or above/,
    );
    await chat.type('/match publish');
    const told = (name: string) =>
      chat
        .transcript()
        .split(`→ to ${name} · Tandem:\n`)
        .slice(1)
        .map((m) => m.split('\n\n')[0] ?? '')
        .filter((m) => m.startsWith('No match'));
    expect(told('Ada Both')).toEqual([
      'No match for you in this round. To teach: nobody is looking to learn your topics right now. To learn: nobody in the program teaches the topics you want to learn yet. Nothing to do on your side — the next round will try again.',
    ]);
    expect(told('Ben Both')).toEqual([
      'No match for you in this round. To teach: nobody is looking to learn your topics right now. To learn: everyone who teaches your topics is at your level or above — in reverse mentoring your mentor is a more junior colleague. Nothing to do on your side — the next round will try again.',
    ]);
  });

  it('words a proposal for its reader, counts one person as one, and points to the intro wherever it lands', async () => {
    app = createTestApp({ env: { ADMIN_IDS: 'console:me' } });
    const { participant } = await import('../helpers/participants');
    const ref = (id: string) => ({ platform: 'console' as const, workspace: 'local', id });
    await participant(app, ref('mia'), 'Mia Young', { role: 'mentor', grade: 1, teach: ['ai'] });
    await participant(app, ref('max'), 'Max Old', { role: 'mentee', grade: 5, learn: ['ai'] });
    await participant(app, ref('sam'), 'Sam Learner', {
      role: 'mentee',
      grade: 2,
      learn: ['green_economy'],
    });
    chat = await startConsoleChat(app, {
      people: [
        { id: 'mia', name: 'Mia Young' },
        { id: 'max', name: 'Max Old' },
        { id: 'sam', name: 'Sam Learner' },
      ],
    });
    const published = await chat.type('/match publish');
    expect(published).toContain("Sent 1 proposal; 1 person was told why they weren't matched.");
    // One dash at most, and "why" said from the reader's side.
    expect(published).toContain(
      'You could mentor Max Old (Dept Max Old, 5 — executive).\nWhy: they want to learn AI and neural networks;',
    );
    expect(published).toContain(
      'Mia Young (Dept Mia Young, 1 — junior / intern) could be your mentor.\nWhy: they teach AI and neural networks;',
    );
    await answer('mia', true);
    const paired = (await answer('max', true)).out;
    expect(paired).toContain(
      'You and Mia Young are a pair — your introduction is in its own message.',
    );
    expect(paired).not.toContain('below');
  });

  it('says "1 участнику" and "обратное наставничество" in Russian', async () => {
    const { translator } = await import('../../src/core/i18n');
    const t = translator('ru');
    expect(t('match.published', { proposals: 2, unmatched: 1, hours: 72 })).toContain(
      'ещё 1 участнику объяснили',
    );
    expect(t('match.published', { proposals: 2, unmatched: 3, hours: 72 })).toContain(
      'ещё 3 участникам объяснили',
    );
    expect(t('survey.field.nps')).toContain('обратное наставничество');
    expect(t('digest.title')).toBe('Неделя обратного наставничества');
  });

  it('writes to nobody twice: no "unmatched" note for people with a proposal, nothing on a second publish', async () => {
    await demo();
    await chat.type('/match publish');
    const transcript = chat.transcript();
    // Elena (role "both") got a proposal as a mentee; she is not told she has no match.
    expect(transcript).toContain('→ to Elena Popova · Tandem:\n── Вам подобрана пара');
    expect(transcript).not.toMatch(/→ to Elena Popova · Tandem:\nВ этом раунде пары для вас нет/);
    const queued = (await rows('select * from outbox')).length;
    expect(await chat.type('/match publish')).toContain('There is nothing new to send');
    expect((await rows('select * from outbox')).length).toBe(queued + 1); // only the reply to HR
    expect(await rows('select * from match_rounds')).toHaveLength(1);
    // A preview now says who is out of the round for waiting on a proposal, and offers no publish.
    const after = await chat.type('/match preview');
    expect(after).toMatch(
      /Not in this round: \d+ already in a pair or waiting to answer a proposal\./,
    );
    expect(after).toContain('Nothing to send: this round has no new pairs.');
    expect(after).not.toContain('/match publish sends these proposals');
  });

  it('keeps a group within four across rounds', async () => {
    app = createTestApp({ env: { ADMIN_IDS: 'console:me' } });
    const { participant } = await import('../helpers/participants');
    const ref = (id: string) => ({ platform: 'console' as const, workspace: 'local', id });
    await participant(app, ref('g-mentor'), 'Gina Mentor', {
      role: 'mentor',
      grade: 1,
      teach: ['ai'],
      formats: ['group'],
      capacity: 1,
    });
    for (const k of [1, 2, 3]) {
      await participant(app, ref(`g${k}`), `Member ${k}`, {
        role: 'mentee',
        grade: 5,
        learn: ['ai'],
        formats: ['group'],
      });
    }
    chat = await startConsoleChat(app);
    expect(await chat.type('/match publish')).toContain('Sent 3 proposals');
    for (const k of [4, 5, 6]) {
      await participant(app, ref(`g${k}`), `Member ${k}`, {
        role: 'mentee',
        grade: 5,
        learn: ['ai'],
        formats: ['group'],
      });
    }
    expect(await chat.type('/match publish')).toContain('Sent 1 proposal');
    expect(await one('select count(*) as n from proposals where "group"')).toEqual({ n: 4 });
  });

  it('explains an empty pool instead of an empty table', async () => {
    app = createTestApp({ env: { ADMIN_IDS: 'console:me' } });
    chat = await startConsoleChat(app);
    expect(await chat.type('/match')).toContain('No one can be matched right now. Volunteers: 0');
  });

  it('pairs and unpairs by hand, naming the rule it would break unless forced', async () => {
    await demo();
    expect(await chat.type('/admin pair dmitry anna')).toContain(
      'Not paired: the first person must be a mentor and the second a mentee.',
    );
    expect(await chat.type('/admin pair maria sergey')).toContain(
      'Paired: Maria Ivanova → Sergey Kuznetsov.',
    );
    expect(await chat.type('/admin pair olga elena')).toContain(
      "the mentor's grade must be lower than the mentee's. Add “force”",
    );
    expect(await chat.type('/admin pair anna elena')).toContain('they are in the same department');
    expect(await chat.type('/admin pair anna elena force')).toContain(
      'Paired: Anna Petrova → Elena Popova.',
    );
    // Twice (either way round, forced or not) is still one pair.
    expect(await chat.type('/admin pair anna elena force')).toContain(
      'Anna Petrova and Elena Popova are already a pair; nothing changed.',
    );
    expect(await chat.type('/admin pair elena anna force')).toContain('already a pair');
    expect(await chat.type('/admin pair zed anna')).toContain(
      "I can't find a participant called “zed”.",
    );
    expect(await chat.type('/admin unpair maria sergey')).toContain(
      'Unpaired: Maria Ivanova and Sergey Kuznetsov.',
    );
    expect(chat.transcript()).toContain('→ to Sergey Kuznetsov · Tandem:');
    expect(await chat.type('/admin unpair maria sergey')).toContain('are not an active pair');
    expect(await chat.type('/admin unpair maria maria')).toContain(
      'That names Maria Ivanova twice: unpair takes the two people of a pair',
    );
    expect(await chat.type('/admin frobnicate')).toContain('/admin pair <mentor> <mentee> [force]');
    // Nobody mentors themselves, and the refusal doesn't suggest a "force" that can't help.
    const self = await chat.type('/admin pair anna anna force');
    expect(self).toContain('Not paired: that is the same person.');
    expect(self.split('Tandem:')[1]).not.toContain('force');
    expect(await rows('select manual, status from pairs order by id')).toEqual([
      { manual: 1, status: 'ended' },
      { manual: 1, status: 'active' },
    ]);
  });

  it('shows a pair made by hand the topics the two share, in the intro and in /pair', async () => {
    app = createTestApp({ env: { ADMIN_IDS: 'console:me' } });
    const { participant } = await import('../helpers/participants');
    const ref = (id: string) => ({ platform: 'console' as const, workspace: 'local', id });
    await participant(app, ref('kim'), 'Kim Young', {
      role: 'mentor',
      grade: 1,
      teach: ['ai', 'social_media'],
    });
    await participant(app, ref('lee'), 'Lee Senior', {
      role: 'mentee',
      grade: 5,
      learn: ['green_economy', 'ai'],
    });
    await participant(app, ref('ray'), 'Ray Young', { role: 'mentor', grade: 1, teach: ['gen_z'] });
    await participant(app, ref('zoe'), 'Zoe Senior', {
      role: 'mentee',
      grade: 5,
      learn: ['presentations'],
    });
    chat = await startConsoleChat(app, {
      people: [
        { id: 'kim', name: 'Kim Young' },
        { id: 'lee', name: 'Lee Senior' },
        { id: 'ray', name: 'Ray Young' },
        { id: 'zoe', name: 'Zoe Senior' },
      ],
    });
    const paired = await chat.type('/admin pair kim lee');
    // What Kim teaches and Lee wants — not Lee's other wish, which Kim doesn't teach.
    expect(paired).toContain("you're Lee Senior's mentor for AI and neural networks.");
    expect(paired).toContain('Kim Young is your mentor for AI and neural networks.');
    await chat.type('/as kim');
    expect(await chat.type('/pair')).toContain('You mentor Lee Senior (AI and neural networks).');
    await chat.type('/as lee');
    expect(await chat.type('/pair')).toContain('Kim Young mentors you (AI and neural networks).');

    // Forced with nothing in common: nobody is told the mentor teaches what they don't.
    await chat.type('/as me');
    const forced = await chat.type('/admin pair ray zoe force');
    expect(forced).toContain(
      "you're Zoe Senior's mentor. You share no topic from your profiles yet — agree together on what to work on.",
    );
    expect(forced).not.toContain('mentor for Presentations');
    await chat.type('/as zoe');
    expect(await chat.type('/pair')).toContain('Ray Young mentors you (no shared topic yet).');
  });

  it('withdraws an open proposal when HR pairs the mentee by hand', async () => {
    await demo();
    await chat.type('/match publish');
    const out = await chat.type('/admin pair ivan dmitry force');
    expect(out).toContain('Paired: Ivan Volkov → Dmitry Sokolov.');
    expect(out).toContain('→ to Anna Petrova · Tandem:');
    expect(out).toContain('Команда программы закрыла предложение с Dmitry Sokolov.');
    expect(
      await one(
        "select status from proposals where mentee_user_id = (select id from users where platform_user_id = 'dmitry')",
      ),
    ).toEqual({
      status: 'withdrawn',
    });
  });

  it('pairs by hand the two of an open proposal without force, and without telling the mentor it was withdrawn', async () => {
    await demo();
    await chat.type('/match publish');
    const proposal = (await one(
      "select m.platform_user_id as mentor, e.platform_user_id as mentee from proposals p join users m on m.id = p.mentor_user_id join users e on e.id = p.mentee_user_id where p.status = 'open' order by p.id limit 1",
    )) as { mentor: string; mentee: string };
    const out = await chat.type(`/admin pair ${proposal.mentor} ${proposal.mentee}`);
    expect(out).toContain('Paired:');
    expect(out).not.toContain('закрыла предложение');
    expect(out).not.toContain('closed the proposal');
    expect(await rows("select id from pairs where status = 'active'")).toHaveLength(1);
  });

  it('tells a partner kindly when someone leaves', async () => {
    await demo();
    await chat.type('/admin pair anna dmitry');
    await chat.type('/as anna');
    await chat.type('/leave');
    const out = await chat.type('1');
    expect(out).toContain('→ to Dmitry Sokolov · Tandem:');
    expect(out).toContain('Anna Petrova вышел(шла) из программы, поэтому ваша пара закрыта.');
    // The pair ends but stays, for Dmitry's history and past weeks' figures.
    expect(await rows('select status from pairs')).toEqual([{ status: 'ended' }]);
  });

  it('tells people who cannot be matched now why, instead of promising the next round', async () => {
    await demo();
    // Natalia is on a break (two weeks from the demo's start), Pavel hasn't read the guide.
    await chat.type('/as natalia');
    const paused = await chat.type('/pair');
    expect(paused).toContain('Пары пока нет. Вы на перерыве до 15 дек.; /resume — и вы снова');
    expect(paused).not.toContain('ближайшем раунде');
    await chat.type('/as pavel');
    const unprepared = await chat.type('/pair');
    expect(unprepared).toContain('Пары пока нет. Прочитайте памятку (/profile)');
    await chat.type('/as maria');
    expect(await chat.type('/pair')).toContain(
      'Пары пока нет. Предложение придёт в ближайшем раунде подбора.',
    );
    // A partner left behind hears the same truth: Dmitry is on a break.
    await chat.type('/as me');
    await chat.type('/admin pair anna dmitry');
    await chat.type('/as dmitry');
    await chat.type('/pause 3');
    await chat.type('/as anna');
    await chat.type('/leave');
    const out = await chat.type('1');
    expect(out).toContain('Anna Petrova вышел(шла) из программы, поэтому ваша пара закрыта.');
    expect(out).toContain('Вы на перерыве до 22 дек.; /resume');
    expect(out).not.toContain('следующий раунд предложит');
  });
});

describe('scheduled rounds (MATCH_CRON)', () => {
  it('previews to the HR channel by default, or publishes when configured', async () => {
    const { JOBS } = await import('../../src/jobs');
    const { RecordingAdapter } = await import('../fakes/recording-adapter');
    app = createTestApp({ env: { HR_CHANNEL: 'slack:CHR', MATCH_CRON: '0 10 * * 1' } });
    await seedDemoCompany(app.database.db, app.clock.now());
    const slackFake = new RecordingAdapter('slack');
    app.adapters.slack = slackFake;
    app.adapters.console = new RecordingAdapter('console');
    expect(JOBS.match.schedule(app.config)).toBe('0 10 * * 1');
    await JOBS.match.run(jobDepsOf(app), app.clock.now());
    await app.settle();
    expect(slackFake.deliveries[0]?.target).toMatchObject({
      kind: 'conversation',
      conversation: { id: 'CHR' },
    });
    expect(slackFake.deliveries[0]?.reply?.title).toBe('Matching preview');
    expect(await rows('select * from proposals')).toHaveLength(0);

    const publishing = {
      ...jobDepsOf(app),
      config: { ...app.config, MATCH_CRON_MODE: 'publish' as const },
    };
    app.clock.advance(7 * 24 * 3600_000);
    await JOBS.match.run(publishing, app.clock.now());
    await app.settle();
    expect(await rows('select * from proposals')).toHaveLength(5);
    expect(slackFake.deliveries.at(-1)?.reply?.text).toContain('Sent 5 proposals');
  });
});

describe('a round the candidate lists alone would get wrong', () => {
  it('pairs all 41 mentees around 40 star mentors, and the preview says the check added the missing pairs', async () => {
    app = createTestApp({ env: { ADMIN_IDS: 'console:me' } });
    // Everyone ranks the 40 stars first (shared interests), so each mentee's top-40 list
    // holds only stars; the one ordinary mentor is in nobody's list.
    const interests = ['chess', 'jazz', 'go'];
    for (let i = 0; i < 40; i++)
      await participant(app, consoleRef(`star${i}`), `Star ${i}`, {
        role: 'mentor',
        grade: 1,
        teach: ['ai'],
        interests,
      });
    await participant(app, consoleRef('plain'), 'Plain Mentor', {
      role: 'mentor',
      grade: 1,
      teach: ['ai'],
    });
    for (let j = 0; j < 41; j++)
      await participant(app, consoleRef(`mentee${j}`), `Mentee ${j}`, {
        role: 'mentee',
        grade: 4,
        learn: ['ai'],
        interests,
      });
    chat = await startConsoleChat(app);
    const preview = await chat.type('/match preview');
    expect(preview).toContain('41 proposed pairs');
    expect(preview).toContain('Plain Mentor (Dept Plain Mentor, L1) → Mentee');
    expect(preview).not.toContain('Not matched this round');
    expect(preview).toMatch(
      /Optimal: no other pairing scores higher \(the check added [1-9]\d* pairs?\)\./,
    );
    await chat.type('/lang ru');
    expect(await chat.type('/match preview')).toMatch(
      /Оптимально: никакой другой подбор не даёт больший суммарный балл \(проверка добавила \d+ (пару|пары|пар)\)\./,
    );
  });
});
