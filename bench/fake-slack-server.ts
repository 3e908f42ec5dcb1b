/**
 * Runs the fake Slack Web API in its own process, so a benchmark doesn't pay for it. Prints its
 * URL on the first line of stdout. Started with an IPC channel (`bench/ack.ts`), it also
 * answers `{ type: 'tally' }` with how many calls each method got, how many messages went to
 * each channel, and when the last message arrived (epoch ms) — the benchmark's "processed".
 */
import { setPriority } from 'node:os';
import { FakeSlackApi, type SlackCall } from '../test/fakes/slack-api';

// It stands in for Slack's servers, which never share Tandem's CPU: here it takes only what
// the processes measured leave, instead of competing with them on a 2-core machine.
try {
  setPriority(19);
} catch {
  // Not allowed here: it runs at the usual priority.
}

/** Methods that deliver a message someone reads. */
const MESSAGES = new Set(['chat.postMessage', 'chat.postEphemeral']);

export interface FakeTally {
  type: 'tally';
  methods: Record<string, number>;
  /** Messages per channel (`chat.postMessage`) or per `channel/user` (ephemeral). */
  messages: Record<string, number>;
  lastMessageAt: number;
}

const fake = await new FakeSlackApi().start();
const methods: Record<string, number> = {};
const messages: Record<string, number> = {};
let lastMessageAt = 0;
const tally = (calls: SlackCall[]) => {
  for (const call of calls) {
    methods[call.method] = (methods[call.method] ?? 0) + 1;
    if (!MESSAGES.has(call.method)) continue;
    const where =
      call.method === 'chat.postEphemeral'
        ? `${String(call.args.channel)}/${String(call.args.user)}`
        : String(call.args.channel);
    messages[where] = (messages[where] ?? 0) + 1;
    lastMessageAt = Math.max(lastMessageAt, call.at);
  }
};
// Benchmarks make thousands of calls; keep memory flat.
setInterval(() => tally(fake.calls.splice(0)), 1000).unref();
process.on('message', (message: { type?: string }) => {
  if (message.type !== 'tally') return;
  tally(fake.calls.splice(0));
  process.send?.({ type: 'tally', methods, messages, lastMessageAt } satisfies FakeTally);
});
process.stdout.write(`${fake.apiUrl}\n`);
process.on('SIGTERM', () => void fake.stop().then(() => process.exit(0)));
// Started with IPC: the parent's end of the channel going away is the signal to stop.
process.on('disconnect', () => void fake.stop().then(() => process.exit(0)));
