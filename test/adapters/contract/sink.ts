import type { Acceptance, EventSink, HandleResult } from '../../../src/core/adapter';
import type { InboundEvent } from '../../../src/core/events';
import { silentLogger } from '../../../src/logger';
import type { PlatformHost, TestApp } from '../../helpers/app';

/**
 * An EventSink that records what an adapter hands it and dedupes as the inbox does: by
 * platform, workspace and event id. Alone, no engine runs (the contract is about the
 * adapter); with `engine`, each event is also handed on to it, so forms run end to end.
 */
export class RecordingSink implements EventSink {
  /** Every `accept` call, duplicates included. */
  readonly handed: InboundEvent[] = [];
  /** The events accepted as fresh: what would run. */
  readonly events: InboundEvent[] = [];
  /** What `done` resolves to for the next fresh events (a form's inline errors). */
  answer: HandleResult = {};
  readonly #seen = new Set<string>();
  readonly #engine: EventSink | undefined;

  constructor(engine?: EventSink) {
    this.#engine = engine;
  }

  async accept(event: InboundEvent): Promise<Acceptance> {
    this.handed.push(event);
    const key = `${event.user.ref.platform}:${event.user.ref.workspace}:${event.id}`;
    if (this.#seen.has(key)) return { fresh: false, done: Promise.resolve({}) };
    this.#seen.add(key);
    this.events.push(event);
    return this.#engine?.accept(event) ?? { fresh: true, done: Promise.resolve(this.answer) };
  }

  /** The fresh events of one type, oldest first. */
  of<T extends InboundEvent['type']>(type: T): Extract<InboundEvent, { type: T }>[] {
    return this.events.filter((e): e is Extract<InboundEvent, { type: T }> => e.type === type);
  }

  /** The newest fresh event of one type; throws when there is none. */
  last<T extends InboundEvent['type']>(type: T): Extract<InboundEvent, { type: T }> {
    const event = this.of(type).at(-1);
    if (!event) throw new Error(`no ${type} event reached the sink`);
    return event;
  }
}

/**
 * What the platform harnesses start against: the sink in the engine's place, and with an app
 * its settle (events run, the outbox empties) and its adapters (where the outbox finds them).
 */
export function hostFor(sink: RecordingSink, app?: TestApp): PlatformHost {
  return {
    engine: sink,
    settle: app ? () => app.settle() : async () => {},
    logger: app?.logger ?? silentLogger,
    adapters: app?.adapters ?? {},
  };
}
