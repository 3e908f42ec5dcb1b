import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectionStatus } from '../../src/core/adapter';
import { type HealthCheck, healthHandler } from '../../src/http/health';
import { startHttpServer } from '../../src/http/server';

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

const up: ConnectionStatus = { state: 'up' };

/** /healthz over HTTP, with the database and two platforms in the given states. */
async function probe(states: {
  database: ConnectionStatus;
  slack?: ConnectionStatus;
  telegram?: ConnectionStatus;
}): Promise<{ status: number; body: unknown }> {
  const checks: HealthCheck[] = Object.entries(states).map(([name, state]) => ({
    name,
    kind: name === 'database' ? 'database' : 'platform',
    check: () => state,
  }));
  server = await startHttpServer(0, [
    { path: '/healthz', method: ['GET'], handler: healthHandler(checks) },
  ]);
  const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`);
  const result = { status: res.status, body: await res.json() };
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
  return result;
}

describe('/healthz', () => {
  it('is ok when the database and every platform are up', async () => {
    expect(await probe({ database: up, slack: up, telegram: up })).toEqual({
      status: 200,
      body: { status: 'ok', checks: { database: up, slack: up, telegram: up } },
    });
  });

  it('stays 200, degraded, while one platform is down and another works, naming which and why', async () => {
    const telegram = { state: 'down', code: 'telegram_unreachable' } as const;
    expect(await probe({ database: up, slack: up, telegram })).toEqual({
      status: 200,
      body: { status: 'degraded', checks: { database: up, slack: up, telegram } },
    });
    // Still connecting counts as not up.
    expect(
      await probe({ database: up, slack: { state: 'connecting' }, telegram: up }),
    ).toMatchObject({ status: 200, body: { status: 'degraded' } });
  });

  it('is 503 when no platform works: a Slack-only deployment whose connection is down', async () => {
    const slack = { state: 'down', code: 'slack_connect_failed' } as const;
    expect(await probe({ database: up, slack })).toEqual({
      status: 503,
      body: { status: 'unavailable', checks: { database: up, slack } },
    });
    expect(
      await probe({ database: up, slack: { state: 'connecting' }, telegram: { state: 'down' } }),
    ).toMatchObject({ status: 503, body: { status: 'unavailable' } });
  });

  it('is 503 when the database cannot be written, whatever the platforms', async () => {
    const database = { state: 'down', code: 'db_full' } as const;
    expect(await probe({ database, slack: up, telegram: up })).toEqual({
      status: 503,
      body: { status: 'unavailable', checks: { database, slack: up, telegram: up } },
    });
  });
});
