/** Runs the fake Slack Web API in its own process, so a benchmark doesn't pay for it. */
import { FakeSlackApi } from '../test/fakes/slack-api';

const fake = await new FakeSlackApi().start();
// Benchmarks make thousands of calls; keep memory flat.
setInterval(() => fake.calls.splice(0), 1000).unref();
process.stdout.write(`${fake.apiUrl}\n`);
process.on('SIGTERM', () => void fake.stop().then(() => process.exit(0)));
