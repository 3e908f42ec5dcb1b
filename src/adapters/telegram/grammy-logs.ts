import createDebug, { type Debugger } from 'debug';
import { scrubLibraryMessage, withoutColour } from '../../library-log';
import type { Logger } from '../../logger';

/** What the operator asked the `debug` package for themselves (DEBUG=…), kept alongside ours. */
const DEBUG_FROM_ENV = process.env.DEBUG;
/** Where `debug` wrote before: namespaces other than grammY's still go there. */
const writeToStderr = createDebug.log;

/**
 * grammY logs through the `debug` package (namespaces `grammy:*`), straight to stderr and
 * only when DEBUG names them. This sends them into Tandem's log instead, scrubbed (see
 * library-log.ts), under `component: 'grammy'`: `grammy:error` and `grammy:warn` as errors and
 * warnings, the rest at debug — and enables grammY's debug namespaces only when Tandem's
 * level is `debug` or `trace`, so above it they cost nothing.
 *
 * `debug` is process-wide: the adapter created last decides where grammY's lines go.
 */
export function routeGrammyLogs(root: Logger): void {
  const log = root.child({ component: 'grammy' });
  createDebug.log = function (this: Debugger, ...args: unknown[]) {
    const namespace = this.namespace;
    if (!namespace.startsWith('grammy')) {
      writeToStderr.apply(this, args);
      return;
    }
    const level = namespace.endsWith(':error')
      ? 'error'
      : namespace.endsWith(':warn')
        ? 'warn'
        : 'debug';
    if (!log.isLevelEnabled(level)) return;
    // `debug` has already put its own prefix (time, namespace) and, in colour, a "+5ms"
    // suffix around the message: only the message is ours to keep.
    const line = scrubLibraryMessage([withoutPrefix(args[0], namespace)]);
    if (line) log[level]({ namespace }, line.msg);
  };
  const ours = root.isLevelEnabled('debug')
    ? 'grammy*'
    : root.isLevelEnabled('warn')
      ? 'grammy:warn,grammy:error'
      : '';
  createDebug.enable([DEBUG_FROM_ENV, ours].filter(Boolean).join(','));
}

/** The message `debug` formatted, after its `<time> <namespace> ` prefix (on every line). */
function withoutPrefix(first: unknown, namespace: string): string {
  const text = withoutColour(typeof first === 'string' ? first : '');
  const marker = `${namespace} `;
  const at = text.indexOf(marker);
  const message = at >= 0 ? text.slice(at + marker.length) : text;
  return message.split(`\n  ${marker}`).join('\n');
}
