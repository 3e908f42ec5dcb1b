import type { Ctx } from './context';
import type { Role } from './roles';

/** A slash command. Registries are `Record<CommandName, CommandSpec>` so none goes unwired. */
export interface CommandSpec {
  /** `dm`: personal, moved to a direct message when typed in a group. */
  scope: 'dm' | 'anywhere';
  /** Who may run it; absent means everyone. */
  role?: Role;
  /** Listed in /help only for these roles (or everyone when absent). */
  hidden?: boolean;
  run(ctx: Ctx, args: string): Promise<void> | void;
}

/** A button handler; `args` are the parts after the owner in the action data. */
export interface ActionSpec {
  run(ctx: Ctx, args: string[], values: string[] | undefined): Promise<void> | void;
}
