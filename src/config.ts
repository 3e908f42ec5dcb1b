import { existsSync } from 'node:fs';
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { TandemError } from './core/errors';
import { PLATFORMS, type Platform } from './core/refs';

const platformRef = z
  .string()
  .regex(/^(console|slack|telegram):[\w.-]+$/, { error: 'expected platform:id, e.g. slack:U123' });

const idList = z
  .string()
  .default('')
  .transform((raw, ctx) => {
    const refs: { platform: Platform; id: string }[] = [];
    for (const item of raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      const parsed = platformRef.safeParse(item);
      if (!parsed.success) {
        ctx.addIssue({
          code: 'custom',
          message: `"${item}": expected platform:id, e.g. slack:U123`,
        });
        continue;
      }
      const [platform, id] = item.split(':') as [Platform, string];
      refs.push({ platform, id });
    }
    return refs;
  });

const optionalChannel = z
  .string()
  .default('')
  .refine((v) => v === '' || platformRef.safeParse(v).success, {
    error: 'expected platform:channel, e.g. slack:C0123 or telegram:-1001234',
  })
  .transform((v) => v || undefined);

const timeZone = z
  .string()
  .default('UTC')
  .refine((v) => IANAZone.isValidZone(v), { error: 'not an IANA time zone, e.g. Europe/Moscow' });

const flag = z.stringbool().default(false);

/** Every environment variable Tandem reads, with its default. `.env.example` mirrors this. */
export const configSchema = z.object({
  DATABASE_PATH: z.string().min(1).default('./data/tandem.db'),
  DEFAULT_LOCALE: z.enum(['en', 'ru']).default('en'),
  ORG_TIMEZONE: timeZone,
  ADMIN_IDS: idList,
  HR_CHANNEL: optionalChannel,
  CONTENT_CHANNEL: optionalChannel,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DEMO: flag,
  /** Where console-mode files (exports, charts) are written. */
  FILES_DIR: z.string().min(1).default('./data/files'),
});

export type EnvConfig = z.output<typeof configSchema>;

export interface Config extends EnvConfig {
  /** Platforms with credentials; empty means the local console. */
  platforms: Platform[];
}

/**
 * Validates the environment. Throws one TandemError listing every bad variable, so a
 * misconfigured deploy fails before anything starts, with everything to fix in one go.
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  // Empty strings mean "unset" in .env files; let defaults apply.
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? '?');
      const shown = name in cleaned ? ` (got "${redact(name, cleaned[name])}")` : '';
      return `  ${name}: ${issue.message}${shown}`;
    });
    throw new TandemError('config_invalid', `Invalid configuration:\n${lines.join('\n')}`);
  }
  const platforms = PLATFORMS.filter((p) => p !== 'console' && platformConfigured(p, cleaned));
  return { ...parsed.data, platforms };
}

function platformConfigured(platform: Exclude<Platform, 'console'>, env: Record<string, unknown>) {
  const required: Record<Exclude<Platform, 'console'>, string> = {
    slack: 'SLACK_BOT_TOKEN',
    telegram: 'TELEGRAM_BOT_TOKEN',
  };
  return Boolean(env[required[platform]]);
}

/** Secrets never reach a log or an error message. */
function redact(name: string, value: string | undefined): string {
  if (/TOKEN|SECRET|KEY|PASSWORD/i.test(name)) return '***';
  return (value ?? '').slice(0, 60);
}

/** Reads `.env` from the working directory if present; real environment variables win. */
export function readEnv(path = '.env'): Record<string, string | undefined> {
  if (existsSync(path)) process.loadEnvFile(path);
  return process.env;
}
