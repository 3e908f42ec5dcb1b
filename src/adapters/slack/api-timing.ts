import type { webApi } from '@slack/bolt';
import { msSince } from '../../core/clock';
import { codeOf, loggable } from '../../core/errors';
import type { Logger } from '../../logger';

/** Slack's Web API base URL, where WebClient sends every method unless told otherwise. */
export const SLACK_API_URL = 'https://slack.com/api/';

/**
 * The `fetch` every Web API client of the adapter uses (Bolt's, Socket Mode's, auth.test's),
 * which at `debug` logs one line per HTTP call: the method, how long Slack took, and its
 * answer (`ok`, or Slack's error code). Above debug it is plain fetch.
 */
export function timedFetch(log: Logger, apiUrl = SLACK_API_URL): webApi.FetchFunction {
  const base = apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`;
  return async (url, init) => {
    if (!log.isLevelEnabled('debug')) return fetch(url, init);
    const method = methodOf(String(url), base);
    const started = performance.now();
    let response: Response;
    try {
      response = await fetch(url, init);
    } catch (error) {
      log.debug(
        { method, durationMs: msSince(started), ok: false, code: codeOf(error) },
        'slack api call',
      );
      throw error;
    }
    const durationMs = msSince(started);
    // Slack answers most failures with a 200 and `ok: false`: the code is in the body, read
    // from a copy so the client still gets the original.
    const body = (await response
      .clone()
      .json()
      .catch(() => undefined)) as { ok?: unknown; error?: unknown } | undefined;
    const error = loggable(body?.error);
    log.debug(
      {
        method,
        durationMs,
        status: response.status,
        ok: response.ok && body?.ok !== false,
        ...(error ? { error } : {}),
      },
      'slack api call',
    );
    return response;
  };
}

/** The Web API method a URL calls; an upload to the URL Slack handed out is `file_upload`. */
function methodOf(url: string, apiUrl: string): string {
  if (!url.startsWith(apiUrl)) return 'file_upload';
  const method = url.slice(apiUrl.length).split(/[?#]/)[0] ?? '';
  return /^[A-Za-z.]{1,64}$/.test(method) ? method : 'unknown';
}
