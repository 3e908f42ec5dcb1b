import type { IncomingMessage, ServerResponse } from 'node:http';
import { type HTTPReceiver, isValidSlackRequest } from '@slack/bolt';
import { z } from 'zod';
import { readBody, refuseBody } from '../../http/body';
import { SLACK_EVENTS_PATH, SLACK_REQUEST_BODY_MAX, SLACK_REQUEST_MAX_SKEW_S } from './limits';

const nonEmpty = z.string().min(1);
const interaction = z.discriminatedUnion('type', [
  z.looseObject({
    type: z.literal('block_actions'),
    user: z.looseObject({ id: nonEmpty }),
    actions: z.array(z.looseObject({ action_id: nonEmpty })).min(1),
  }),
  z.looseObject({
    type: z.literal('view_submission'),
    user: z.looseObject({ id: nonEmpty }),
    view: z.looseObject({ state: z.looseObject({ values: z.record(z.string(), z.unknown()) }) }),
  }),
  z.looseObject({ type: z.literal('view_closed') }),
]);
const slashCommand = z.looseObject({
  command: nonEmpty,
  user_id: nonEmpty,
  team_id: nonEmpty,
  trigger_id: nonEmpty,
});
const envelope = z.union([
  z.looseObject({ type: z.literal('url_verification'), challenge: z.string() }),
  z.looseObject({ type: z.literal('event_callback'), event: z.looseObject({ type: nonEmpty }) }),
]);

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * Bolt's request listener behind a guard, by composition: the receiver is never started or
 * changed, its public `requestListener` is called for what passes. A correctly signed
 * request whose payload is not one Slack would send gets a 400 here instead of an exception
 * inside Bolt; unsigned requests still go to Bolt, which answers them 401 — signature first,
 * shape second. Also refused here: a timestamp from the future (Bolt checks only the past)
 * and a body over the limit (413).
 */
export function guardedListener(
  receiver: Pick<HTTPReceiver, 'requestListener'>,
  signingSecret: string,
): RequestListener {
  // Bolt throws (asynchronously, uncaught) on paths it doesn't know; answer 404 instead.
  const boltListener = (req: IncomingMessage, res: ServerResponse) => {
    try {
      const pending = receiver.requestListener(req, res) as unknown;
      if (pending instanceof Promise) pending.catch(() => notFound(res));
    } catch {
      notFound(res);
    }
  };
  return (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'POST' || path !== SLACK_EVENTS_PATH) {
      notFound(res);
      return;
    }
    if (fromTheFuture(req)) {
      // The same answer Bolt gives a stale one. Node reads what is left of the body itself.
      res.writeHead(401).end();
      return;
    }
    void readBody(req, SLACK_REQUEST_BODY_MAX).then((read) => {
      if (!read.ok) {
        refuseBody(res, read);
        return;
      }
      const raw = read.body;
      // Bolt reads a pre-read body from `rawBody` instead of the (consumed) stream.
      (req as IncomingMessage & { rawBody: Buffer }).rawBody = raw;
      if (
        isSigned(req, raw.toString('utf8'), signingSecret) &&
        !wellFormed(req, raw.toString('utf8'))
      ) {
        res.writeHead(400).end();
        return;
      }
      boltListener(req, res);
    });
  };
}

/** A timestamp more than the allowed skew ahead of our clock. */
function fromTheFuture(req: IncomingMessage): boolean {
  const ts = Number(req.headers['x-slack-request-timestamp']);
  return Number.isFinite(ts) && ts > Date.now() / 1000 + SLACK_REQUEST_MAX_SKEW_S;
}

function notFound(res: ServerResponse): void {
  if (!res.headersSent) res.writeHead(404);
  if (!res.writableEnded) res.end();
}

function isSigned(req: IncomingMessage, body: string, signingSecret: string): boolean {
  const signature = req.headers['x-slack-signature'];
  const ts = Number(req.headers['x-slack-request-timestamp']);
  if (typeof signature !== 'string' || !Number.isFinite(ts)) return false;
  return isValidSlackRequest({
    signingSecret,
    body,
    headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': ts },
  });
}

function wellFormed(req: IncomingMessage, body: string): boolean {
  try {
    if ((req.headers['content-type'] ?? '').startsWith('application/json')) {
      return envelope.safeParse(JSON.parse(body)).success;
    }
    const form = new URLSearchParams(body);
    const payload = form.get('payload');
    if (payload !== null) return interaction.safeParse(JSON.parse(payload)).success;
    if (form.get('ssl_check') === '1') return true;
    return slashCommand.safeParse(Object.fromEntries(form)).success;
  } catch {
    return false;
  }
}
