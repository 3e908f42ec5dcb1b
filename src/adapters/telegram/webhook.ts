import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { readBody, refuseBody } from '../../http/body';
import type { Logger } from '../../logger';
import { TELEGRAM_WEBHOOK_ANSWER_MS, TELEGRAM_WEBHOOK_BODY_MAX_BYTES } from './limits';

const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

/** The one thing every update has; the rest is grammY's to read. */
const updateShape = z.looseObject({ update_id: z.number().int().nonnegative() });

export interface WebhookOptions {
  secret: string;
  /** False until the bot is connected (its identity known): Telegram is told to come back. */
  ready(): boolean;
  handle(update: z.infer<typeof updateShape>): Promise<void>;
  log: Logger;
}

/**
 * Telegram's webhook, on Tandem's shared port. In order: not ready → 503 (Telegram retries,
 * nothing is lost); wrong secret → 401; a body over the limit → 413; not JSON, or not an
 * update → 400. A good update is answered 200 once handled, or after a few seconds while it
 * is still being handled, so Telegram does not send it again. Nothing here throws.
 */
export function webhookHandler(options: WebhookOptions) {
  const secret = Buffer.from(options.secret);
  const answer = (res: ServerResponse, status: number) => {
    if (res.headersSent) return;
    res.writeHead(status).end();
  };
  return (req: IncomingMessage, res: ServerResponse): void => {
    void (async () => {
      if (!options.ready()) return answer(res, 503);
      const header = req.headers[SECRET_HEADER];
      const given = Buffer.from(Array.isArray(header) ? (header[0] ?? '') : (header ?? ''));
      if (given.length !== secret.length || !timingSafeEqual(given, secret))
        return answer(res, 401);
      const body = await readBody(req, TELEGRAM_WEBHOOK_BODY_MAX_BYTES);
      if (!body.ok) {
        options.log.warn({ code: `webhook_${body.reason}` }, 'webhook request refused');
        return refuseBody(res, body);
      }
      let json: unknown;
      try {
        json = JSON.parse(body.body.toString('utf8'));
      } catch {
        options.log.warn({ code: 'webhook_not_json' }, 'webhook request refused');
        return answer(res, 400);
      }
      const update = updateShape.safeParse(json);
      if (!update.success) {
        options.log.warn({ code: 'webhook_not_an_update' }, 'webhook request refused');
        return answer(res, 400);
      }
      let timer: NodeJS.Timeout | undefined;
      // Caught here too: after the early answer, a late failure must not go unhandled.
      const handling = options.handle(update.data).then(
        () => true,
        (error: unknown) => {
          options.log.error(
            { err: error instanceof Error ? error.name : 'unknown' },
            'webhook update failed',
          );
          return false;
        },
      );
      const handled = await Promise.race([
        handling,
        new Promise((resolve) => {
          timer = setTimeout(resolve, TELEGRAM_WEBHOOK_ANSWER_MS);
        }),
      ]);
      clearTimeout(timer);
      answer(res, handled === false ? 500 : 200);
    })().catch((error: unknown) => {
      options.log.error(
        { err: error instanceof Error ? error.name : 'unknown' },
        'webhook request failed',
      );
      answer(res, 500);
    });
  };
}
