import type { ChatAdapter, ConnectionStatus, EventSink } from '../../src/core/adapter';
import type { InboundEvent } from '../../src/core/events';
import type { Platform, Target } from '../../src/core/refs';
import type { FileMessage, Reply } from '../../src/core/replies';

export interface Delivery {
  target: Target;
  reply?: Reply;
  file?: FileMessage;
}

/**
 * A platform stand-in that records every delivery. `failWith` scripts failures for the
 * next sends (an Error to throw, or undefined to succeed).
 */
export class RecordingAdapter implements ChatAdapter {
  readonly platform: Platform;
  readonly deliveries: Delivery[] = [];
  readonly failWith: (Error | undefined)[] = [];
  /** Simulated rate-limit waits per conversation id (ms), as `readyIn` reports them. */
  readonly waits = new Map<string, number>();
  /** Runs first in a send: a promise holds the send there, as a network call in flight. */
  beforeSend: (() => Promise<void>) | undefined;
  /** Runs during a send, after the platform "received" it (to simulate a crash). */
  afterReceive: (() => void) | undefined;
  sink: EventSink | undefined;
  /** What `connection()` reports. */
  status: ConnectionStatus = { state: 'up' };

  constructor(platform: Platform = 'slack') {
    this.platform = platform;
  }

  async start(sink: EventSink): Promise<void> {
    this.sink = sink;
  }

  async stop(): Promise<void> {}

  async send(target: Target, reply: Reply): Promise<void> {
    await this.beforeSend?.();
    const failure = this.failWith.shift();
    if (failure) throw failure;
    this.deliveries.push({ target, reply });
    this.afterReceive?.();
  }

  connection(): ConnectionStatus {
    return this.status;
  }

  readyIn(target: Target): number {
    const id = target.kind === 'user' ? target.user.id : target.conversation.id;
    const until = this.waits.get(id) ?? 0;
    return Math.max(0, until - Date.now());
  }

  async sendFile(target: Target, file: FileMessage): Promise<void> {
    this.deliveries.push({ target, file });
  }

  texts(): string[] {
    return this.deliveries.map((d) => d.reply?.text ?? d.file?.filename ?? '');
  }
}

/** A sink that takes every event and runs nothing (adapter tests that look at the platform side). */
export const NULL_SINK: EventSink = {
  accept: async () => ({ fresh: true, done: Promise.resolve({}) }),
};

/** A sink that keeps every event it is handed. */
export function collectingSink(into: InboundEvent[]): EventSink {
  return {
    accept: async (event) => {
      into.push(event);
      return { fresh: true, done: Promise.resolve({}) };
    },
  };
}
