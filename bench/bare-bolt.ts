/**
 * The baseline for `npm run bench:start` and `npm run bench:ack`: a bare Bolt app in HTTP mode
 * with a `/healthz` route and nothing else, against the same fake Web API. `bench/start.ts`
 * compiles it and runs it with plain node, as it runs Tandem's bundle. Started with an IPC
 * channel (bench:ack), it also reports its own event-loop delay, as Tandem's process does.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { App } from '@slack/bolt';

const port = Number(process.env.PORT ?? 3000);
const app = new App({
  token: process.env.SLACK_BOT_TOKEN ?? '',
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? '',
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL ?? '' },
  customRoutes: [
    {
      path: '/healthz',
      method: ['GET'],
      handler: (_req, res) => {
        res.writeHead(200).end('ok');
      },
    },
  ],
});
app.command('/mentor', async ({ ack }) => {
  await ack('ok');
});
// Button presses too (`npm run bench:ack` sends some): acked, nothing else.
app.action(/.*/, async ({ ack }) => {
  await ack();
});
await app.start(port);

if (process.send) {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  process.on('message', (message: { type?: string }) => {
    if (message.type === 'reset') loop.reset();
    if (message.type === 'loop')
      process.send?.({ type: 'loop', p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 });
  });
  process.on('disconnect', () => process.exit(0));
}
