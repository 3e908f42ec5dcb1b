import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ChatAdapter, ConnectionStatus } from '../core/adapter';

/** One thing `/healthz` checks: the database, or a platform connection. */
export interface HealthCheck {
  name: string;
  /** The database must take writes; of the platforms, one being up is enough to be useful. */
  kind: 'database' | 'platform';
  /** `up` is healthy; `connecting` and `down` are not. Must not throw or block. */
  check(): ConnectionStatus;
}

/** `ok`: everything up. `degraded`: some platform is down, others work. `unavailable`: nothing works. */
export type HealthStatus = 'ok' | 'degraded' | 'unavailable';

/**
 * The verdict over every check's state. Unavailable (503) only when Tandem is no use to
 * anyone, so an orchestrator restarting on it restarts what a restart may fix: the database
 * cannot be written, or no connected platform is up. One platform down while another works
 * is `degraded` (200): restarting would cut off the people on the working one.
 */
export function healthStatus(
  results: { kind: HealthCheck['kind']; status: ConnectionStatus }[],
): HealthStatus {
  if (results.some((r) => r.kind === 'database' && r.status.state !== 'up')) return 'unavailable';
  const platforms = results.filter((r) => r.kind === 'platform');
  const up = platforms.filter((r) => r.status.state === 'up').length;
  if (platforms.length > 0 && up === 0) return 'unavailable';
  return up < platforms.length ? 'degraded' : 'ok';
}

/**
 * The health probe: 503 when unavailable, 200 when ok or degraded, with the verdict and each
 * check's state (and a failure code, never a message text) in the body so an operator sees
 * which one, e.g. `{"status":"degraded","checks":{"database":{"state":"up"},
 * "telegram":{"state":"down","code":"telegram_unreachable"},"slack":{"state":"up"}}}`.
 */
export function healthHandler(checks: HealthCheck[] | (() => HealthCheck[])) {
  return (_req: IncomingMessage, res: ServerResponse) => {
    const report: Record<string, ConnectionStatus> = {};
    const results: { kind: HealthCheck['kind']; status: ConnectionStatus }[] = [];
    for (const { name, kind, check } of typeof checks === 'function' ? checks() : checks) {
      let status: ConnectionStatus;
      try {
        status = check();
      } catch {
        status = { state: 'down', code: 'check_failed' };
      }
      report[name] = status;
      results.push({ kind, status });
    }
    const status = healthStatus(results);
    res.writeHead(status === 'unavailable' ? 503 : 200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status, checks: report }));
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
  const databaseCheck: HealthCheck = {
    name: 'database',
    kind: 'database',
    check: () => database.writes.status(),
  };
  return () => [
    databaseCheck,
    ...Object.values(adapters).flatMap((adapter): HealthCheck[] => {
      const connection = adapter?.connection?.bind(adapter);
      return adapter && connection
        ? [{ name: adapter.platform, kind: 'platform', check: connection }]
        : [];
    }),
  ];
}
