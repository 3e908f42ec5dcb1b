import { afterEach, describe, expect, it } from 'vitest';
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
});
