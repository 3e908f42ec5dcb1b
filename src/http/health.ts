import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { ChatAdapter, ConnectionStatus } from '../core/adapter';

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

/**
 * What Tandem's `/healthz` checks: whether the database can be written (a full disk shows
 * here), then each running platform's connection. Read at every probe, so adapters added
 * after start are included.
 */
export function tandemChecks(
  database: { writes: { status(): ConnectionStatus } },
  adapters: Partial<Record<string, ChatAdapter>>,
): () => HealthCheck[] {
  const databaseCheck: HealthCheck = { name: 'database', check: () => database.writes.status() };
  return () => [
    databaseCheck,
    ...Object.values(adapters).flatMap((adapter) => {
      const connection = adapter?.connection?.bind(adapter);
      return adapter && connection ? [{ name: adapter.platform, check: connection }] : [];
    }),
  ];
}

/** A plain server for the routes when no Slack HTTP receiver is there to carry them. */
export async function startHttpServer(port: number, routes: HttpRoute[]): Promise<Server> {
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
    server.listen(port, resolve);
  });
  return server;
}
