import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A body over its route's limit is still read, and thrown away, up to this size: answering
 * while the sender is still writing makes it see a connection reset instead of the 413.
 * Past this (or when Content-Length announces more) the answer goes out at once and the
 * connection is closed after it, so nobody can make the process read without end.
 */
export const BODY_DRAIN_MAX_BYTES = 4 * 1024 * 1024;

export type BodyResult =
  | { ok: true; body: Buffer }
  /** `drained`: the whole body was read, so the connection can stay open after the answer. */
  | { ok: false; reason: 'too_large'; drained: boolean }
  | { ok: false; reason: 'aborted' };

/**
 * Reads a request body of at most `maxBytes`; never buffers more than that. Resolves (never
 * rejects) with the body, `too_large`, or `aborted` when the sender went away mid-body.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  const drainMax = Math.max(maxBytes, BODY_DRAIN_MAX_BYTES);
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > drainMax)
    return Promise.resolve({ ok: false, reason: 'too_large', drained: false });
  return new Promise((resolve) => {
    let chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyResult) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onAborted);
      req.off('aborted', onAborted);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > drainMax) {
        // Stop reading; the answer closes the connection.
        req.pause();
        finish({ ok: false, reason: 'too_large', drained: false });
        return;
      }
      // Over the limit: keep reading to the end, keep nothing.
      if (size > maxBytes) chunks = [];
      else chunks.push(chunk);
    };
    const onEnd = () =>
      finish(
        size > maxBytes
          ? { ok: false, reason: 'too_large', drained: true }
          : { ok: true, body: Buffer.concat(chunks) },
      );
    const onAborted = () => finish({ ok: false, reason: 'aborted' });
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onAborted);
    req.on('aborted', onAborted);
  });
}

/**
 * Answers a refused body: 413 with a body the sender can read for one too large, 400 for one
 * cut short. The connection is closed after it unless the whole body was read.
 */
export function refuseBody(res: ServerResponse, result: Exclude<BodyResult, { ok: true }>): void {
  if (res.headersSent) return;
  const keepOpen = result.reason === 'too_large' && result.drained;
  const headers = keepOpen ? {} : { connection: 'close' };
  if (result.reason === 'aborted') {
    res.writeHead(400, headers).end();
    return;
  }
  res.writeHead(413, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify({ ok: false, error: 'request_too_large' }));
}
