/**
 * The part of the `debug` package (grammY's logger) Tandem uses to route grammY's lines into
 * its own logs. The package ships no types of its own.
 */
declare module 'debug' {
  export interface Debugger {
    (...args: unknown[]): void;
    readonly namespace: string;
  }
  export interface Debug {
    /** A logger for one namespace, silent unless the namespace is enabled. */
    (namespace: string): Debugger;
    /** Replaces the enabled namespaces (comma-separated, `*` wildcards, `-` to skip). */
    enable(namespaces: string): void;
    /** Where every enabled namespace's formatted arguments go; `this` is the debugger. */
    log: (this: Debugger, ...args: unknown[]) => void;
  }
  const debug: Debug;
  export default debug;
}
