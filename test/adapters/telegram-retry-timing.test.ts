import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { startTelegram, type TelegramHarness } from '../helpers/telegram';

let app: TestApp;
let tg: TelegramHarness;

afterEach(async () => {
  vi.useRealTimers();
  await tg?.adapter.stop();
  app?.close();
  app?.dispose();
});

const sent = () => tg.api.callsTo('sendMessage').map((c) => String(c.payload.text));

/** Moves the app's clock and the timers together, as real time would. */
async function wait(ms: number): Promise<void> {
  app.clock.advance(ms);
  await vi.advanceTimersByTimeAsync(ms);
  await app.settle();
}

describe('Telegram: retry timing', () => {
  it('retries a 429 when retry_after ends, not at the next minute tick, and the chat’s later replies follow', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    app = createTestApp();
    tg = await startTelegram(app);
    tg.api.fail('sendMessage', {
      error_code: 429,
      description: 'Too Many Requests: retry after 3',
      retry_after: 3,
    });
    await tg.say('/help');
    expect(tg.api.callsTo('sendMessage:failed')).toHaveLength(1);
    // Her next message's reply queues behind the one waiting out the 429.
    await tg.say('hello');
    expect(sent()).toEqual([]);

    await wait(2_900);
    expect(sent()).toEqual([]);
    await wait(200);
    const texts = sent();
    expect(texts[0]).toContain('Tandem — reverse mentoring');
    expect(texts.at(-1)).toContain("I didn't catch that");
  });

  it('retries a transient failure after its backoff, by itself', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    app = createTestApp();
    tg = await startTelegram(app);
    tg.api.fail('sendMessage', { error_code: 502, description: 'Bad Gateway' });
    await tg.say('hello');
    expect(sent()).toEqual([]);
    // The outbox's first backoff: OUTBOX_BACKOFF.minMs = 2 s
    await wait(1_900);
    expect(sent()).toEqual([]);
    await wait(200);
    expect(sent()).toHaveLength(1);
  });

  it('keeps retrying through a Bot API outage of most of an hour, and delivers the reply once it recovers, once', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    app = createTestApp();
    tg = await startTelegram(app);
    // Twelve 502s in a row: with backoff capped at 10 minutes that is about 47 minutes of
    // outage, far past the ~4 minutes eight attempts used to last.
    tg.api.fail('sendMessage', { error_code: 502, description: 'Bad Gateway' }, 12);
    await tg.say('/help');
    for (let minute = 0; minute < 60; minute++) await wait(60_000);
    expect(tg.api.callsTo('sendMessage:failed')).toHaveLength(12);
    expect(sent()).toHaveLength(1);
    expect(sent()[0]).toContain('Tandem — reverse mentoring');
    // Nothing more goes out later.
    for (let minute = 0; minute < 30; minute++) await wait(60_000);
    expect(sent()).toHaveLength(1);
  });
});
