import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { TandemError } from '../core/errors';

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
    server.once('error', (error) => reject(listenError(error, port, host)));
    // No host: every interface (Node's default, IPv6 and IPv4 where the system has both).
    if (host) server.listen(port, host, resolve);
    else server.listen(port, resolve);
  });
  return server;
}

/**
 * A port or address Tandem cannot listen on, named by the setting that chose it and what to do
 * about it: the operator sees this line, not Node's `EADDRINUSE` or `getaddrinfo ENOTFOUND`.
 */
function listenError(error: unknown, port: number, host: string | undefined): TandemError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const where = host ?? 'every interface';
  switch (code) {
    case 'EADDRINUSE':
      return new TandemError(
        'http_port_in_use',
        `PORT ${port} is already in use on ${where} — stop the other process or set PORT to a free port`,
        { cause: error },
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EADDRNOTAVAIL':
      return new TandemError(
        'http_host_unusable',
        `HOST ${host ?? ''} is not an address of this machine (${code}) — set HOST to one of its addresses, e.g. 127.0.0.1, or leave it unset to listen on every interface`,
        { cause: error },
      );
    case 'EACCES':
      return new TandemError(
        'http_listen_failed',
        `PORT ${port} on ${where} needs privileges this process lacks — set PORT to 1024 or above`,
        { cause: error },
      );
    default:
      return new TandemError(
        'http_listen_failed',
        `Tandem cannot listen on PORT ${port} on ${where} (${code ?? 'unknown error'}) — check PORT and HOST`,
        { cause: error },
      );
  }
}
