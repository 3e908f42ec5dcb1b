/**
 * The load generator of the Slack benchmarks (`bench:ack`, `bench:replicas`): signed
 * requests as Slack sends them (v0 HMAC, real timestamps), sent OPEN-loop — each at its
 * scheduled time whether or not earlier ones were answered, latency counted from that time,
 * so a server that falls behind pays for the queue it builds (no coordinated omission).
 * Traffic: people in their DMs with the app, mostly `/mentor help`, some `/mentor meetings`,
 * `/mentor` (the menu) and button presses.
 */
import { createHash, createHmac } from 'node:crypto';
import { Agent, request } from 'node:http';

/** The signing secret the benchmarks' servers are started with. */
export const SECRET = 'bench-ack-signing-secret';
const TEAM = 'T1';
/** Slack's limit for an ack. */
export const ACK_LIMIT_MS = 3000;
/** Past this a request counts as an error (Slack gave up on it long before). */
const CLIENT_TIMEOUT_MS = 10_000;

export interface Prepared {
  headers: Record<string, string>;
  body: string;
  user: string;
  /** The dedupe key of the event's reply in Tandem's outbox (its first reply). */
  replyKey: string;
}

export interface AckResult {
  sent: number;
  /** Per request: answered 200. */
  acked: boolean[];
  latencies: number[];
  over3s: number;
  errors: number;
  statuses: Record<string, number>;
  /** Epoch ms of the first request's scheduled time. */
  firstAt: number;
  /** How late the generator itself sent, at worst (ms after the scheduled time). */
  sendLagMaxMs: number;
}

/** Request `i` of a run: mostly slash commands, some button presses, from `users` people. */
function prepare(tag: string, i: number, ts: number, users: number): Prepared {
  const user = `UBENCH${String(i % users).padStart(3, '0')}`;
  const trigger = `${tag}.${i}.bench`;
  const kind = i % 20;
  let body: string;
  let eventId = `cmd:${trigger}`;
  if (kind === 3 || kind === 13) {
    eventId = `act:${user}:${tag}.${i}`;
    // A button: the menu's "Help", pressed in the DM.
    body = new URLSearchParams({
      payload: JSON.stringify({
        type: 'block_actions',
        user: { id: user, team_id: TEAM },
        team: { id: TEAM },
        channel: { id: `D${user}` },
        trigger_id: trigger,
        container: { type: 'message', message_ts: '1700000000.000100', channel_id: `D${user}` },
        actions: [
          {
            type: 'button',
            action_id: 'cmd',
            block_id: 'menu',
            action_ts: `${tag}.${i}`,
            value: 'cmd||help',
          },
        ],
      }),
    }).toString();
  } else {
    const text = kind === 0 ? '' : kind === 7 || kind === 17 ? 'meetings' : 'help';
    body = new URLSearchParams({
      command: '/mentor',
      text,
      team_id: TEAM,
      user_id: user,
      channel_id: `D${user}`,
      channel_name: 'directmessage',
      trigger_id: trigger,
      response_url: 'http://127.0.0.1:9/unused',
    }).toString();
  }
  const signature = createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex');
  // As the engine keys an event (src/core/engine.ts, eventKey) and numbers its replies.
  const key = createHash('sha256').update(`slack:${TEAM}:${eventId}`).digest('base64url');
  return {
    body,
    user,
    replyKey: `${key}:1`,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': String(Buffer.byteLength(body)),
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': `v0=${signature}`,
    },
  };
}

let runs = 0;
/** `rate` × `seconds` signed requests from `users` people, in the order they are to be sent. */
export function traffic(rate: number, seconds: number, users: number): Prepared[] {
  const tag = `r${++runs}x${Date.now().toString(36)}`;
  // Signed now (Slack signs as it sends; Bolt accepts up to 5 minutes): the signing is not
  // the generator's work during the run.
  const ts = Math.floor(Date.now() / 1000);
  return Array.from({ length: Math.round(rate * seconds) }, (_, i) => prepare(tag, i, ts, users));
}

/**
 * Sends `requests` at `rate` per second, each at its scheduled time; resolves when all are
 * answered. Several ports take turns, request by request, as a load balancer in front of
 * replicas would.
 */
export function openLoop(
  port: number | readonly number[],
  requests: Prepared[],
  rate: number,
): Promise<AckResult> {
  const ports = typeof port === 'number' ? [port] : port;
  const agent = new Agent({ keepAlive: true, maxSockets: 4096 });
  const n = requests.length;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const acked = new Array<boolean>(n).fill(false);
  let errors = 0;
  let answered = 0;
  let lagMax = 0;
  const start = performance.now() + 20;
  const firstAt = performance.timeOrigin + start;
  const gap = 1000 / rate;
  return new Promise((done) => {
    const finish = () => {
      answered += 1;
      if (answered < n) return;
      agent.destroy();
      latencies.sort((a, b) => a - b);
      done({
        sent: n,
        acked,
        latencies,
        over3s: latencies.filter((l) => l > ACK_LIMIT_MS).length,
        errors,
        statuses,
        firstAt,
        sendLagMaxMs: lagMax,
      });
    };
    const send = (i: number) => {
      const scheduled = start + i * gap;
      lagMax = Math.max(lagMax, performance.now() - scheduled);
      const r = requests[i];
      if (!r) return;
      let settled = false;
      const settle = (status: string) => {
        if (settled) return;
        settled = true;
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status === '200') {
          latencies.push(performance.now() - scheduled);
          acked[i] = true;
        } else errors += 1;
        finish();
      };
      const req = request(
        {
          agent,
          host: '127.0.0.1',
          port: ports[i % ports.length],
          path: '/slack/events',
          method: 'POST',
          headers: r.headers,
          timeout: CLIENT_TIMEOUT_MS,
        },
        (res) => {
          res.resume();
          res.on('end', () => settle(String(res.statusCode)));
          res.on('error', () => settle('response error'));
        },
      );
      req.on('timeout', () => {
        req.destroy();
        settle('timeout');
      });
      req.on('error', (error: NodeJS.ErrnoException) => settle(error.code ?? 'error'));
      req.end(r.body);
    };
    let next = 0;
    const tick = () => {
      const now = performance.now();
      while (next < n && start + next * gap <= now) send(next++);
      if (next < n) setTimeout(tick, Math.max(0, Math.min(1, start + next * gap - now)));
    };
    setTimeout(tick, 0);
  });
}
