import type { Acceptance, EventSink, HandleResult } from '../../../src/core/adapter';
import type { InboundEvent } from '../../../src/core/events';

/**
 * An EventSink that records what an adapter hands it and dedupes as the inbox does: by
 * platform, workspace and event id. The contract is about the adapter, so no engine runs.
 */
export class RecordingSink implements EventSink {
  /** Every `accept` call, duplicates included. */
  readonly handed: InboundEvent[] = [];
  /** The events accepted as fresh: what would run. */
  readonly events: InboundEvent[] = [];
  /** What `done` resolves to for the next fresh events (a form's inline errors). */
  answer: HandleResult = {};
  readonly #seen = new Set<string>();

  accept(event: InboundEvent): Acceptance {
    this.handed.push(event);
    const key = `${event.user.ref.platform}:${event.user.ref.workspace}:${event.id}`;
    if (this.#seen.has(key)) return { fresh: false, done: Promise.resolve({}) };
    this.#seen.add(key);
    this.events.push(event);
    return { fresh: true, done: Promise.resolve(this.answer) };
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
