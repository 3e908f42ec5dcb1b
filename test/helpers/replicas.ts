import { afterEach } from 'vitest';
import { createTestApp, type TestApp } from './app';

/**
 * Apps on one PostgreSQL database, as replicas are: the first makes the test's database, the
 * others open it and share its clock. Returns the maker; every app is closed after each test.
 */
export function replicaApps(): (count: number) => TestApp[] {
  let apps: TestApp[] = [];
  afterEach(() => {
    for (const app of apps) app.close();
    apps[0]?.dispose();
    apps = [];
  });
  return (count) => {
    const first = createTestApp();
    const url = process.env.TANDEM_TEST_PG_DB ?? '';
    apps = [first];
    for (let k = 1; k < count; k++) apps.push(createTestApp({ clock: first.clock, pgUrl: url }));
    return apps;
  };
}
