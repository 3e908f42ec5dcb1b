import type { Ctx } from './context';
import type { Role } from './roles';

/** A slash command. Registries are `Record<CommandName, CommandSpec>` so none goes unwired. */
export interface CommandSpec {
  /** `dm`: personal, moved to a direct message when typed in a group. */
  scope: 'dm' | 'anywhere';
  /** Who may run it; absent means everyone. */
  role?: Role;
  /** Left out of /help. */
  hidden?: boolean;
  /** False for commands that take no arguments: the router answers extra text with a hint. */
  takesArgs?: boolean;
  run(ctx: Ctx, args: string): Promise<void> | void;
}

/** A button handler; `args` are the parts after the owner in the action data. */
export interface ActionSpec {
  run(ctx: Ctx, args: string[], values: string[] | undefined): Promise<void> | void;
}
