/**
 * Lets the event loop take what came in (an HTTP request to ack, an answer from a platform)
 * before going on with a long run of work: awaiting a database call alone does not, as its
 * promise resolves at once and only microtasks run in between.
 */
export function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
