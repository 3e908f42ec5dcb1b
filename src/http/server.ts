import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** An HTTP route served on Tandem's one port. */
export interface HttpRoute {
  path: string;
  method: string[];
  handler: (req: IncomingMessage, res: ServerResponse) => void;
}

/**
 * Tandem's one HTTP server: `/healthz`, Slack's events and Telegram's webhook, each a route
 * its owner contributes. Tandem starts it itself, before any platform connects, so the port
 * answers (and `/healthz` says what is down) whatever a platform's API does; a platform's
 * route answers for itself until that platform is ready. Unknown paths get 404.
 */
export async function startHttpServer(
  port: number,
  routes: HttpRoute[],
  host?: string,
): Promise<Server> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    const route = routes.find((r) => r.path === path && r.method.includes(req.method ?? ''));
    if (!route) return void res.writeHead(404).end();
    try {
      route.handler(req, res);
    } catch {
      // A route that throws answers 500; it never takes the process down.
      if (!res.headersSent) res.writeHead(500).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // No host: every interface (Node's default, IPv6 and IPv4 where the system has both).
    if (host) server.listen(port, host, resolve);
    else server.listen(port, resolve);
  });
  return server;
}
