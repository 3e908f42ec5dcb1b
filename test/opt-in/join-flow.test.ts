import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { first } from '../../src/db/first';
import { getProfile } from '../../src/db/queries/profiles';
import { findUser } from '../../src/db/queries/users';
import { formSessions, profiles } from '../../src/db/schema';
import { rawRows } from '../../src/db/sqlite';
import { createTestApp, type TestApp } from '../helpers/app';
import { type ConsoleChat, ME, ME_REF, meInDb, startConsoleChat } from '../helpers/console-chat';
import { rawRun } from '../helpers/raw';

let app: TestApp;
let chat: ConsoleChat;

afterEach(async () => {
  await chat?.stop();
  app?.close();
  app?.dispose();
});

const meRef = ME_REF;
const profileOf = async () => (await meInDb(app)).profile;

describe('join through the console', () => {
  it('walks the whole opt-in form in English and marks the person prepared', async () => {
    app = createTestApp();
    chat = await startConsoleChat(app);

    expect(await chat.type('/help')).toContain(
      'Reverse mentoring turns the usual direction around',
    );
    const first = await chat.type('/join');
    expect(first).toContain("let's set up your profile");
    // The role decides how many questions follow: a range until it is known.
    expect(first).toContain('step 1 of 10–12');
    expect(first).toContain('Teach (mentor)');

    const second = await chat.type('3');
    expect(second).toContain('What is your level in the company?');
    expect(second).toContain(
      'You will teach colleagues above your level and learn from colleagues below it.',
    );
    expect(second).toContain('step 2 of 12');
    expect(await chat.type('2')).toContain('Which department or team are you in?');
    expect(await chat.type('Customer Support')).toContain('Which topics can you teach?');
    // Toggle one topic, then press Done (entry after the 9 topics).
    const toggled = await chat.type('1');
    expect(toggled).toContain('[x] AI and neural networks');
    expect(await chat.type('10')).toContain('Which topics would you like to learn?');
    expect(await chat.type('3,7')).toContain('Your interests and hobbies');
    expect(await chat.type('Chess,  running ; chess')).toContain('Which formats suit you?');
    expect(await chat.type('1,4')).toContain('How many mentees can you take at once?');
    expect(await chat.type('2')).toContain('Your time zone?');
    const hours = await chat.type('Asia/Tokyo');
    expect(hours).toContain('When do you usually work (in your time zone)?');
    expect(hours).toContain('(•) Mon–Fri, 09:00–18:00');
    // Other hours: Monday to Thursday, 10:00 to 19:00 (an end before the start is refused).
    expect(await chat.type('2')).toContain('Which days do you work?');
    expect(await chat.type('1,2,3,4')).toContain('When does your working day start?');
    // Typed as a booking takes it too ("10am"); the end's example is an end of day.
    const end = await chat.type('10am');
    expect(end).toContain('When does your working day end?');
    expect(end).toContain('e.g. 17:30');
    const early = await chat.type('9:30');
    expect(early).toContain("The day can't end before it starts: please pick an end after 10:00.");
    expect(early).toContain('When does your working day end?');
    expect(await chat.type('7 pm')).toContain('Which language should I use with you?');
    expect(await chat.type('1')).toContain('Do you agree to take part');
    expect(await profileOf()).toBeUndefined();
    const welcome = await chat.type('1');
    expect(welcome).toContain('Welcome to the program, Alex!');
    expect(welcome).toContain('Preparation guide');

    const saved = await profileOf();
    expect(saved?.profile).toMatchObject({
      role: 'both',
      grade: 2,
      department: 'Customer Support',
      interests: ['chess', 'running'],
      formats: ['one_on_one', 'sprint'],
      capacity: 2,
      preparedAt: null,
      workDays: [1, 2, 3, 4],
      workStart: 600,
      workEnd: 1140,
    });
    expect(saved?.teach).toEqual(['ai']);
    expect(saved?.learn).toEqual(['social_media', 'green_economy']);
    expect((await findUser(app.database.db, meRef))?.timeZone).toBe('Asia/Tokyo');

    expect(await chat.type('1')).toContain('You are ready');
    expect((await profileOf())?.profile.preparedAt).toEqual(app.clock.now());

    const shown = await chat.type('/profile');
    expect(shown).toContain('Department: Customer Support');
    expect(shown).toContain('Time zone: Asia/Tokyo (UTC+9)');
    expect(shown).toContain('Working hours: Mon–Thu, 10:00–19:00');
    expect(shown).toContain('Status: ready for matching');
  });

  it('runs the same form in Russian for a Russian-speaking colleague', async () => {
    app = createTestApp();
    chat = await startConsoleChat(app, { me: { id: 'me', name: 'Ольга Котова', locale: 'ru' } });

    const first = await chat.type('/join');
    expect(first).toContain('давайте заполним профиль');
    expect(first).toContain('шаг 1 из 10–12');
    // The console's own hint speaks the person's language too.
    expect(first).toContain('Ответьте номером.');
    const second = await chat.type('2');
    expect(second).toContain('Какой у вас уровень в компании?');
    // Said from the mentee's side.
    expect(second).toContain('Вашим наставником станет коллега с уровнем ниже');
    expect(second).toContain('шаг 2 из 10');
    expect(await chat.type('5')).toContain('В каком вы отделе');
    expect(await chat.type('Финансы')).toContain('Каким темам вы хотите научиться?');
    expect(await chat.type('ИИ и нейросети')).toContain('Ваши интересы и хобби');
    expect(await chat.type('1')).toContain('Какие форматы вам подходят?'); // Skip
    expect(await chat.type('1,3')).toContain('Ваш часовой пояс?');
    const hours = await chat.type('1');
    expect(hours).toContain('Когда вы обычно работаете (по вашему времени)?');
    expect(hours).toContain('(•) Пн–Пт, 09:00–18:00');
    expect(await chat.type('1')).toContain('На каком языке'); // one tap keeps the default
    // The question after the language speaks the language just picked: English, then back.
    const english = await chat.type('1');
    expect(english).toContain('Do you agree to take part');
    expect(await chat.type('2')).toContain('На каком языке');
    expect(await chat.type('2')).toContain('Согласны ли вы участвовать');
    const welcome = await chat.type('1');
    expect(welcome).toContain('Добро пожаловать в программу, Ольга!');
    expect(welcome).toContain('Памятка участника');
    expect(await chat.type('1')).toContain('Вы готовы');

    const saved = await profileOf();
    expect(saved?.profile).toMatchObject({
      role: 'mentee',
      grade: 5,
      department: 'Финансы',
      capacity: null,
      workDays: [1, 2, 3, 4, 5],
      workStart: 540,
      workEnd: 1080,
    });
    expect(saved?.learn).toEqual(['ai']);
    expect(await findUser(app.database.db, meRef)).toMatchObject({ locale: 'ru', timeZone: 'UTC' });
    const shown = await chat.type('/profile');
    expect(shown).toContain('Хочу научиться: ИИ и нейросети');
    expect(shown).toContain('Рабочие часы: Пн–Пт, 09:00–18:00');
  });

  it('resumes at the same question after a restart mid-form', async () => {
    app = createTestApp();
    chat = await startConsoleChat(app);
    await chat.type('/join');
    await chat.type('2'); // mentee
    expect(await chat.type('4')).toContain('Which department or team are you in?');
    await chat.stop();
    app.close();

    app = app.restart();
    chat = await startConsoleChat(app);
    // The first thing typed after the restart answers the pending question.
    expect(await chat.type('Legal')).toContain('Which topics would you like to learn?');
    const resumed = await chat.type('/join');
    expect(resumed).toContain('continuing where you left off');
    expect(resumed).toContain('Which topics would you like to learn?');
  });

  it('goes Back to the previous question and Cancel saves nothing', async () => {
    app = createTestApp();
    chat = await startConsoleChat(app);
    await chat.type('/join');
    await chat.type('1'); // mentor
    const grade = await chat.type('3');
    expect(grade).toContain('Which department');
    // Department prompt: [1] Back [2] Cancel
    const back = await chat.type('1');
    expect(back).toContain('What is your level in the company?');
    expect(back).toContain('(•) 3 — senior specialist');
    await chat.type('3');
    const cancelled = await chat.type('2');
    expect(cancelled).toContain("Cancelled — you haven't joined and nothing was saved");
    expect(await profileOf()).toBeUndefined();
    const answers = await rawRows<Record<string, unknown>>(
      app.database.db,
      'select values_json from (select cast("values" as text) as values_json from form_sessions) s',
    );
    expect(answers).toEqual([{ values_json: '{}' }]);
    expect(await chat.type('anything')).toContain("I didn't catch that");
  });

  it('offers an edit on a second /join, and editing keeps answers with "Keep"', async () => {
    app = createTestApp();
    chat = await startConsoleChat(app);
    await chat.type('/join');
    // mentee, grade 4, Sales, learn AI+tools, skip interests, one-on-one+group, org zone,
    // the default hours, English, consent
    for (const answer of ['2', '4', 'Sales', '1,2', '1', '1,2', '1', '1', '1', '1'])
      await chat.type(answer);
    expect((await profileOf())?.profile.department).toBe('Sales');

    const again = await chat.type('/join');
    expect(again).toContain("You're already in the program");
    const edit = await chat.type('1'); // Edit profile
    expect(edit).toContain('Let’s update your profile');
    expect(edit).toContain('(•) Learn (mentee)');
    await chat.type('2'); // still a mentee
    const dept = await chat.type('4'); // grade unchanged
    expect(dept).toContain('[1] Keep “Sales”');
    const learn = await chat.type('1'); // keep Sales
    expect(learn).toContain('[x] AI and neural networks');
    await chat.type('10'); // Done: keep the selection
    await chat.type('Cycling'); // interests, newly typed
    await chat.type('5'); // formats: Done
    await chat.type('1'); // zone
    // Working hours: other days — Saturday added (typed exactly), the hours kept.
    expect(await chat.type('2')).toContain('[x] Friday');
    await chat.type('1,2,3,4,5,6');
    // An hour's button answers to the hour: 9 is 09:00, 18 is 18:00 (not the 9th option).
    await chat.type('9');
    await chat.type('18');
    const done = await chat.type('1'); // language: no consent step when editing
    expect(done).toContain('Your profile is updated.');
    expect(done).toContain('Interests: cycling');
    expect(done).toContain('Working hours: Mon–Sat, 09:00–18:00');

    const saved = await profileOf();
    expect(saved?.profile).toMatchObject({ department: 'Sales', interests: ['cycling'], grade: 4 });
    expect(saved?.learn).toEqual(['ai', 'digital_tools']);
  });
});

describe('catalog changes under an open form', () => {
  it('drops a retired topic from a stored choice instead of getting stuck', async () => {
    app = createTestApp();
    chat = await startConsoleChat(app);
    await chat.type('/join');
    // mentor, grade 1, IT, teach AI only, skip interests, one-on-one, 1 mentee, zone, hours,
    // English, consent
    for (const answer of [
      '1',
      '1',
      'IT',
      'AI and neural networks',
      '1',
      'One-on-one',
      '1',
      '1',
      '1',
      '1',
      '1',
    ]) {
      await chat.type(answer);
    }
    expect((await profileOf())?.teach).toEqual(['ai']);
    await rawRun(app.database.db, "update topics set active = false where id = 'ai'");
    await chat.type('/profile edit');
    await chat.type('1'); // Keep role
    await chat.type('1'); // Keep grade
    const teach = await chat.type('1'); // Keep department
    expect(teach).toContain('Which topics can you teach?');
    expect(teach).not.toContain('AI and neural networks');
    // Done with only the retired topic stored: asked to pick a current one, not stuck.
    expect(await chat.type('9')).toContain('Please choose at least one option.');
    expect(await chat.type('Presentations')).toContain('Your interests and hobbies');
  });
});

describe('bad input in the form', () => {
  it('re-asks the same field with a reason and saves nothing', async () => {
    app = createTestApp();
    chat = await startConsoleChat(app);
    await chat.type('/join');
    expect(await chat.type('banana')).toContain('Please choose one of the options.');
    await chat.type('1'); // mentor
    // Grade 9 is not an option.
    expect(await chat.type('9')).toContain('Please choose one of the options.');
    await chat.type('2');
    expect(await chat.type('x'.repeat(5000))).toContain('please keep it under 80 characters');
    expect(await chat.type('Sales\u0007')).toContain('invisible control characters');
    expect(await chat.type('   ')).toBe(''); // a blank line sends nothing
    await chat.type('Sales');
    // Unknown topic typed by name.
    expect(await chat.type('Astrology')).toContain('Please choose one of the options.');
    // Done with nothing selected.
    expect(await chat.type('10')).toContain('Please choose at least one option.');
    await chat.type('1,2');
    await chat.type('1'); // skip interests
    await chat.type('1'); // formats: toggle one-on-one
    await chat.type('5'); // Done
    // Capacity 0 is not an option.
    expect(await chat.type('0')).toContain('Please choose one of the options.');
    expect(await chat.type('Mars/Olympus')).toContain('How many mentees');
    await chat.type('1');
    expect(await chat.type('Mars/Olympus')).toContain('I don’t know that time zone');
    expect(await chat.type('UTC03')).toContain('I don’t know that time zone');

    const user = await findUser(app.database.db, meRef);
    expect(
      user &&
        (await first(app.database.db.select().from(profiles).where(eq(profiles.userId, user.id)))),
    ).toBeUndefined();
    const session =
      user &&
      (await first(
        app.database.db.select().from(formSessions).where(eq(formSessions.userId, user.id)),
      ));
    expect(session?.field).toBe('timeZone');
    expect(session?.values.department).toBe('Sales');
  });

  it('refuses a button from a closed form and a button meant for someone else', async () => {
    app = createTestApp();
    chat = await startConsoleChat(app);
    await chat.type('/join');
    const user = await findUser(app.database.db, meRef);
    const session =
      user &&
      (await first(
        app.database.db.select().from(formSessions).where(eq(formSessions.userId, user.id)),
      ));
    if (!user || !session) throw new Error('no session');
    const data = `f|${user.id}|${session.id}|1|o|0`;
    await chat.type('/cancel');

    const base = {
      user: { ref: meRef, name: ME.name },
      conversation: {
        platform: 'console' as const,
        workspace: 'local',
        id: 'dm:me',
        kind: 'dm' as const,
      },
    };
    await app.engine.handle({ ...base, id: 'stale-1', type: 'action', data });
    await app.settle();
    expect(chat.transcript()).toContain('That form is closed');

    const anna = {
      ref: { platform: 'console' as const, workspace: 'local', id: 'anna' },
      name: 'Anna Petrova',
    };
    await app.engine.handle({ ...base, user: anna, id: 'foreign-1', type: 'action', data });
    await app.settle();
    expect(chat.transcript()).toContain('This button was meant for someone else');
    expect(await getProfile(app.database.db, user.id)).toBeUndefined();
  });
});
