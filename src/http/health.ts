import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** An HTTP route served on Tandem's one port. */
export interface HttpRoute {
  path: string;
  method: string[];
  handler: (req: IncomingMessage, res: ServerResponse) => void;
}

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

/** A plain server for the routes when no Slack HTTP receiver is there to carry them. */
export async function startHttpServer(port: number, routes: HttpRoute[]): Promise<Server> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    const route = routes.find((r) => r.path === path && r.method.includes(req.method ?? ''));
    if (route) return route.handler(req, res);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, resolve);
  });
  return server;
}
