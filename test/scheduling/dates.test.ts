import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { formatShortDay } from '../../src/core/format';
import { bookByHand } from '../helpers/console-chat';
import { type PairedConsole, pairedConsole } from '../helpers/pair';
import { rawRun } from '../helpers/raw';

let p: PairedConsole | undefined;
afterEach(async () => {
  await p?.close();
  p = undefined;
});

const day9 = (month: number) =>
  DateTime.fromObject({ year: 2027, month, day: 9 }, { zone: 'Europe/Moscow' });

describe('short dates', () => {
  it('writes every Russian month in the genitive after the day, cut only where it is customary', () => {
    const ru = Array.from({ length: 12 }, (_, i) => formatShortDay(day9(i + 1), 'ru'));
    expect(ru).toEqual([
      '9 янв.',
      '9 февр.',
      '9 марта',
      '9 апр.',
      '9 мая',
      '9 июня',
      '9 июля',
      '9 авг.',
      '9 сент.',
      '9 окт.',
      '9 нояб.',
      '9 дек.',
    ]);
    const en = Array.from({ length: 12 }, (_, i) => formatShortDay(day9(i + 1), 'en'));
    expect(en).toEqual([
      '9 Jan',
      '9 Feb',
      '9 Mar',
      '9 Apr',
      '9 May',
      '9 Jun',
      '9 Jul',
      '9 Aug',
      '9 Sep',
      '9 Oct',
      '9 Nov',
      '9 Dec',
    ]);
    expect(formatShortDay(day9(3), 'ru', { weekday: true, year: true })).toBe('вт, 9 марта 2027');
    expect(formatShortDay(day9(3), 'en', { weekday: true })).toBe('Tue, 9 Mar');
  });

  it('shows a Russian reader "9 марта", not "9 март", on the day buttons and in the booking', async () => {
    p = await pairedConsole('2027-03-01T09:00:00Z');
    await rawRun(
      p.app.database.db,
      "update users set locale = 'ru' where platform_user_id = 'lena'",
    );
    const days = await bookByHand(p.chat, '/sprint');
    expect(days).toContain('вт, 2 марта');
    expect(days).toContain('вс, 14 марта');
    expect(days).not.toMatch(/ март(?!а)/u);
    await p.chat.type('2027-03-09');
    await p.chat.type('15:00');
    await p.chat.type('7'); // Оставить «2 ч»
    await p.chat.type('Настроить ИИ-ассистента');
    const booked = await p.chat.type('1'); // Пропустить ссылку
    expect(booked).toContain('вт, 9 марта, 15:00–17:00 (Europe/Moscow)');
    // Tom reads English, in Berlin.
    expect(booked).toContain('Tue, 9 Mar, 13:00–15:00 (Europe/Berlin)');
  });
});
