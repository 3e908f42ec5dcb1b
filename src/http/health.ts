import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { ConnectionStatus } from '../core/adapter';

/** An HTTP route served on Tandem's one port. */
export interface HttpRoute {
  path: string;
  method: string[];
  handler: (req: IncomingMessage, res: ServerResponse) => void;
}

/** One thing `/healthz` checks: the database, or a platform connection. */
export interface HealthCheck {
  name: string;
  /** `up` is healthy; anything else makes the probe answer 503. Must not throw or block. */
  check(): ConnectionStatus;
}

/**
 * The health probe: 200 while every check is up, 503 otherwise, with each check's state
 * (and a failure code, never a message text) in the body so an operator sees which one.
 */
export function healthHandler(checks: HealthCheck[] | (() => HealthCheck[])) {
  return (_req: IncomingMessage, res: ServerResponse) => {
    const report: Record<string, ConnectionStatus> = {};
    for (const { name, check } of typeof checks === 'function' ? checks() : checks) {
      try {
        report[name] = check();
      } catch {
        report[name] = { state: 'down', code: 'check_failed' };
      }
    }
    const ok = Object.values(report).every((r) => r.state === 'up');
    res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: ok ? 'ok' : 'unavailable', checks: report }));
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
