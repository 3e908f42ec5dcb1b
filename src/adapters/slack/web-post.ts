import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { msSince } from '../../core/clock';
import { codeOf, loggable } from '../../core/errors';
import type { Logger } from '../../logger';
import { SLACK_API_URL } from './api-timing';

/**
 * The few Web API methods every reply goes through (chat.postMessage, chat.update,
 * chat.postEphemeral), posted as JSON on kept-alive connections. Bolt's WebClient does the
 * same job with a queue, a retry layer, form encoding and WHATWG fetch on top — about four
 * times the CPU per message (bench: 1.6 ms against 0.4 ms), which at hundreds of replies a
 * second was the largest cost of an event. Everything else (files, views, users, channels)
 * stays on WebClient.
 *
 * Failures are thrown in WebClient's shapes (`slack_webapi_platform_error` with `data`,
 * `slack_webapi_rate_limited_error` with `retryAfter` in seconds, `slack_webapi_http_error`
 * with `statusCode`, `slack_webapi_request_error`), so one mapping (delivery-errors.ts) reads
 * both. No retries here: the outbox owns them, persisted across restarts.
 */
export type WebPost = (method: string, args: Record<string, unknown>) => Promise<SlackAnswer>;

export interface SlackAnswer {
  ok: boolean;
  error?: string;
  [key: string]: unknown;
}

/** Sockets kept open to Slack: the outbox sends to a few conversations at once. */
const SOCKETS = 16;

export function createWebPost(config: {
  token: string;
  apiUrl?: string;
  timeoutMs: number;
  log: Logger;
}): WebPost {
  const base = new URL(config.apiUrl ?? SLACK_API_URL);
  const secure = base.protocol === 'https:';
  const agent = secure
    ? new HttpsAgent({ keepAlive: true, maxSockets: SOCKETS })
    : new HttpAgent({ keepAlive: true, maxSockets: SOCKETS });
  const send = secure ? httpsRequest : httpRequest;
  const prefix = base.pathname.endsWith('/') ? base.pathname : `${base.pathname}/`;

  return (method, args) => {
    const started = performance.now();
    const body = JSON.stringify(args);
    const answer = new Promise<SlackAnswer>((resolve, reject) => {
      const req = send(
        {
          protocol: base.protocol,
          hostname: base.hostname,
          port: base.port,
          path: `${prefix}${method}`,
          method: 'POST',
          agent,
          timeout: config.timeoutMs,
          headers: {
            authorization: `Bearer ${config.token}`,
            'content-type': 'application/json; charset=utf-8',
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', (error) =>
            reject(failure('slack_webapi_request_error', { original: error })),
          );
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            if (status === 429) {
              const retryAfter = Number(res.headers['retry-after']);
              return reject(
                failure('slack_webapi_rate_limited_error', {
                  retryAfter: Number.isFinite(retryAfter) ? retryAfter : 1,
                  statusCode: status,
                }),
              );
            }
            let parsed: SlackAnswer | undefined;
            try {
              parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as SlackAnswer;
            } catch {
              parsed = undefined;
            }
            if (status !== 200 || !parsed)
              return reject(failure('slack_webapi_http_error', { statusCode: status }));
            if (parsed.ok !== true)
              return reject(
                failure('slack_webapi_platform_error', { data: parsed, statusCode: status }),
              );
            resolve(parsed);
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('slack request timed out')));
      req.on('error', (error) =>
        reject(failure('slack_webapi_request_error', { original: error })),
      );
      req.end(body);
    });
    if (!config.log.isLevelEnabled('debug')) return answer;
    // One line per call at debug, as for WebClient's calls (api-timing.ts).
    return answer.then(
      (ok) => {
        config.log.debug(
          { method, durationMs: msSince(started), status: 200, ok: true },
          'slack api call',
        );
        return ok;
      },
      (error: unknown) => {
        const { data, statusCode } = error as { data?: { error?: unknown }; statusCode?: number };
        const platformError = loggable(data?.error);
        config.log.debug(
          {
            method,
            durationMs: msSince(started),
            ...(statusCode ? { status: statusCode } : {}),
            ok: false,
            code: codeOf(error),
            ...(platformError ? { error: platformError } : {}),
          },
          'slack api call',
        );
        throw error;
      },
    );
  };
}

/** An error shaped like WebClient's, so the same mapping reads it. */
function failure(code: string, fields: Record<string, unknown>): Error {
  return Object.assign(new Error(code), { code, ...fields });
}
