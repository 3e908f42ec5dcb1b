import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A package loaded the first time it is used rather than at start. For what an idle
 * process never needs (the chart rasteriser, the iCalendar writer, CSV, the date-text
 * parser): each would otherwise add to the memory every deployment carries while it waits.
 * Synchronous, as the code calling these is; typed by the caller with `typeof import(…)`.
 */
export function lazyRequire<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => {
    loaded ??= require(id) as T;
    return loaded;
  };
}
