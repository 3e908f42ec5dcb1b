import type { z } from 'zod';
import type { Ctx } from './context';
import type { Role } from './roles';

/** A slash command. Registries are `Record<CommandName, CommandSpec>` so none goes unwired. */
export interface CommandSpec {
  /** `dm`: personal, moved to a direct message when typed in a group. */
  scope: 'dm' | 'anywhere';
  /**
   * With scope `dm`: a group where it runs in place all the same (HR's views in the HR
   * channel); in every other group it moves to the DM.
   */
  alsoIn?: (ctx: Ctx) => boolean;
  /** Who may run it; absent means everyone. */
  role?: Role;
  /** Left out of /help. */
  hidden?: boolean;
  /** False for commands that take no arguments: the router answers extra text with a hint. */
  takesArgs?: boolean;
  run(ctx: Ctx, args: string): Promise<void> | void;
}

/**
 * A button handler. `args` parses the parts after the owner in the button data (see
 * core/actions.ts for the pieces); data that does not parse — forged, or left by an older
 * version — gets the "expired" reply and `run` is never called.
 */
export interface ActionSpec<A = unknown> {
  args: z.ZodType<A>;
  run(ctx: Ctx, args: A, values: string[] | undefined): Promise<void> | void;
}

/** Declares a button handler; `run` sees the arguments as `args` parsed them. */
export function action<A>(args: z.ZodType<A>, run: ActionSpec<A>['run']): ActionSpec<A> {
  return { args, run };
}
