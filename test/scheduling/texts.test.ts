import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { users } from '../../src/db/schema';
import { bookByHand } from '../helpers/console-chat';
import { type PairedConsole, pairedConsole } from '../helpers/pair';

let p: PairedConsole;
afterEach(async () => {
  await p?.close();
});

describe('what a session’s messages say, in Russian', () => {
  it('says "Встреча … назначена / отменена" and "Состоялся ли спринт …?", in natural words', async () => {
    p = await pairedConsole('2026-12-01T09:00:00Z');
    const { chat } = p;
    await chat.type('/lang ru');
    await bookByHand(chat, '/meet');
    await chat.type('2026-12-03');
    await chat.type('15:00');
    await chat.type('7'); // Оставить «1 ч»
    await chat.type('Разбор CRM');
    const booked = await chat.type('1'); // Пропустить ссылку
    expect(booked).toContain('Встреча с Tom Berg назначена:\nчт, 3 дек., 15:00–16:00');
    expect(booked).not.toContain('Запланировано');
    const ask = await chat.type('2'); // Отменить
    expect(ask).toContain('Отменить встречу с Tom Berg (чт, 3 дек., 15:00)?');
    const cancelled = await chat.type('1'); // Да, отменить
    expect(cancelled).toContain(
      'Встреча с Tom Berg отменена: чт, 3 дек., 15:00–16:00 (Europe/Moscow).',
    );
    expect(cancelled).toContain(
      'Откройте файл, чтобы отменить событие в календаре (или удалите его там)',
    );
    expect(cancelled).not.toContain('Отменено (встреча)');

    await p.heldSprint('2026-12-04', 'Отчёт с ИИ');
    const asked = chat.transcript();
    expect(asked).toContain('Состоялся ли спринт с Tom Berg? («Отчёт с ИИ»)');
    expect(asked).toContain('[1] Да   [2] Перенесли   [3] Нет');
    expect(asked).not.toContain('работа над спринтом');
  });

  it('Find a time, its "no common hours" and the warning on a typed time, in Russian', async () => {
    p = await pairedConsole('2026-12-01T09:00:00Z');
    const { chat } = p;
    await chat.type('/lang ru');
    const offered = await chat.type('/sprint');
    expect(offered).toContain('── Подобрать время ──');
    expect(offered).toContain(
      'Время в рабочих часах у вас и у Tom Berg в ближайшие семь дней. Одно нажатие — и спринт назначен для всех, с приглашением в календарь. Или напишите день и время, например «завтра в 15:00»:',
    );
    // The day in Russian, the partner's local time beside mine.
    expect(offered).toContain('[1] вт, 1 дек., 13:00 (Tom Berg: 11:00)');
    expect(offered).toContain('Другое время');
    expect(await chat.type('1')).toContain(
      'Готово: спринт, вт, 1 дек., 13:00. Приглашение отправлено вам обоим.',
    );

    // A time typed by hand on Tom's Saturday: the warning names his local time.
    await bookByHand(chat, '/meet');
    await chat.type('2026-12-05');
    const warned = await chat.type('15:00');
    expect(warned).toContain('Вне рабочих часов партнёра?');
    expect(warned).toContain('У Tom Berg это сб, 5 дек., 13:00 — нерабочий день.');
    expect(warned).toContain('Оставить это время');
    expect(warned).toContain('Выбрать другое время');
    await chat.type('/cancel');

    // Tokyo and London share no working hour.
    const db = p.app.database.db;
    await db.update(users).set({ timeZone: 'Asia/Tokyo' }).where(eq(users.id, p.lena));
    await db.update(users).set({ timeZone: 'Europe/London' }).where(eq(users.id, p.tom));
    const apart = await chat.type('/meet');
    expect(apart).toContain(
      'У вас и у Tom Berg в ближайшие семь дней нет общих рабочих часов. Вот самое близкое время — одно нажатие назначает встречу:',
    );
    expect(apart).toContain('[2] ср, 2 дек., 16:00 (Tom Berg: 07:00)');
  });
});
