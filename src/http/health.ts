import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** The health probe: answers 200 while the database answers, 503 otherwise. */
export function healthHandler(check: () => boolean) {
  return (_req: IncomingMessage, res: ServerResponse) => {
    let ok = false;
    try {
      ok = check();
    } catch {
      ok = false;
    }
    res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: ok ? 'ok' : 'unavailable' }));
  };
}

/** A bare server for `/healthz` when no platform adapter serves HTTP itself. */
export async function startHealthServer(port: number, check: () => boolean): Promise<Server> {
  const handler = healthHandler(check);
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/healthz') return handler(req, res);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, resolve);
  });
  return server;
}
