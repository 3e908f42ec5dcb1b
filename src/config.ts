import { existsSync } from 'node:fs';
import { IANAZone } from 'luxon';
import cron from 'node-cron';
import { z } from 'zod';
import { firesEver } from './core/cron-schedule';
import { TandemError } from './core/errors';
import { PLATFORMS, type Platform } from './core/refs';
import { parseKey } from './features/calendars/sealed';

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
  /** Unset: the console's own demo file, or the company's file for a platform start (see below). */
  DATABASE_PATH: z.string().min(1).optional(),
  /** Set: PostgreSQL instead of the SQLite file (several replicas may share it). */
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: 'a postgres:// or postgresql:// URL' })
    .optional(),
  DEFAULT_LOCALE: z.enum(['en', 'ru']).default('en'),
  ORG_TIMEZONE: timeZone,
  ADMIN_IDS: idList,
  HR_CHANNEL: optionalChannel,
  CONTENT_CHANNEL: optionalChannel,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  /**
   * With a platform: `on` splits the process (acks in the main thread, events, sends and jobs
   * in a units thread: acks stay fast under load, ≈ 40 MB more memory); `off` runs all of it
   * in one thread.
   */
  UNITS_THREAD: z.enum(['on', 'off']).default('on'),
  /** How the units thread shares the CPU with the acks' thread (src/thread-priority.ts). */
  UNITS_PRIORITY: z.enum(['idle', 'low', 'normal']).default('idle'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /**
   * The address the HTTP port listens on, e.g. 127.0.0.1 behind a reverse proxy on the same
   * host. Unset: every interface, IPv4 and IPv6 (what a container's published port needs).
   */
  HOST: z
    .union([z.ipv4(), z.ipv6(), z.hostname()], {
      error: 'expected an IP address or host name, e.g. 127.0.0.1 or 0.0.0.0',
    })
    .optional(),
  /**
   * Where the console demo's clock starts on its first run (ISO time, e.g. a Monday morning);
   * after that `/time` moves it and a restart keeps it. Real time when unset.
   */
  DEMO_CLOCK: z.iso
    .datetime({ offset: true, error: 'an ISO date-time, e.g. 2026-12-07T16:00:00Z' })
    .transform((v) => new Date(v))
    .optional(),
  /** Days without a meeting before a pair is nudged (three ignored nudges: at risk). */
  CADENCE_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  /** Ratings and NPS are shown only as aggregates of at least this many people. */
  K_ANON_MIN: z.coerce.number().int().min(2).max(50).default(3),
  /** Hours a proposal waits for both answers; silence counts as a decline. */
  PROPOSAL_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(72),
  /** Allow mentor and mentee from the same department. */
  MATCH_SAME_DEPARTMENT: flag,
  /** Run matching rounds on a schedule (cron expression in ORG_TIMEZONE); off when unset. */
  MATCH_CRON: z
    .string()
    .refine((v) => cron.validate(v), { error: 'not a cron expression, e.g. "0 10 * * 1"' })
    .optional(),
  /** The weekly content digest (cron in ORG_TIMEZONE) to CONTENT_CHANNEL. */
  DIGEST_CRON: z
    .string()
    .default('0 16 * * 5')
    .refine((v) => cron.validate(v), { error: 'not a cron expression, e.g. "0 16 * * 5"' }),
  /** What a scheduled round does: send the proposals, or preview them to HR_CHANNEL. */
  MATCH_CRON_MODE: z.enum(['publish', 'preview']).default('preview'),
  /** Where `admin backup` and the nightly backup write copies; unset: `backups/` beside the database. */
  BACKUP_DIR: z
    .string()
    .optional()
    .transform((v) => v || undefined),
  /** How many backups are kept (the oldest go). */
  BACKUP_KEEP: z.coerce.number().int().min(1).max(365).default(7),
  /** The weekly HR summary to HR_CHANNEL (cron in ORG_TIMEZONE); default Monday 09:00. */
  SUMMARY_CRON: z
    .string()
    .default('0 9 * * 1')
    .refine((v) => cron.validate(v), { error: 'not a cron expression, e.g. "0 9 * * 1"' }),
  /** Where console-mode files (exports, charts) are written. */
  FILES_DIR: z.string().min(1).default('./data/files'),

  SLACK_BOT_TOKEN: z
    .string()
    .regex(/^xox[bp]-\S+$/, { error: 'expected a bot token (xoxb-…)' })
    .optional(),
  SLACK_SIGNING_SECRET: z
    .string()
    .regex(/^\S{8,}$/, { error: 'expected the app signing secret' })
    .optional(),
  /** Socket Mode instead of HTTP: no public URL needed. */
  SLACK_APP_TOKEN: z
    .string()
    .regex(/^xapp-\S+$/, { error: 'expected an app-level token (xapp-…)' })
    .optional(),
  SLACK_COMMAND: z
    .string()
    .regex(/^\/[a-z0-9_-]{1,31}$/, { error: 'expected a slash command like /mentor' })
    .default('/mentor'),
  /** Web API base URL (Enterprise Grid / GovSlack proxies, and tests). */
  SLACK_API_URL: z
    .url({ error: 'expected a URL like https://slack.com/api/' })
    .refine((v) => v.endsWith('/'), { error: 'must end with /' })
    .optional(),

  TELEGRAM_BOT_TOKEN: z
    .string()
    .regex(/^\d{3,}:[\w-]{20,}$/, { error: 'expected a BotFather token like 123456:ABC-…' })
    .optional(),
  /** Webhook mode when set (the public HTTPS URL Telegram posts to); long polling otherwise. */
  TELEGRAM_WEBHOOK_URL: z
    .url({ protocol: /^https$/, error: 'expected a public https:// URL' })
    .optional(),
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,256}$/, { error: 'expected 16–256 characters of A–Z a–z 0–9 _ -' })
    .optional(),
  /** A self-hosted Bot API server (and tests). */
  TELEGRAM_API_ROOT: z
    .url({ error: 'expected a URL like https://api.telegram.org' })
    .refine((v) => !v.endsWith('/'), { error: 'must not end with /' })
    .optional(),

  // Calendars (optional): free/busy from Google or Microsoft 365, per person, through OAuth.
  GOOGLE_CLIENT_ID: z.string().min(1).optional(),
  GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
  MICROSOFT_CLIENT_ID: z.string().min(1).optional(),
  MICROSOFT_CLIENT_SECRET: z.string().min(1).optional(),
  /** The Microsoft directory: `organizations` (any work or school account), or a tenant id. */
  MICROSOFT_TENANT: z
    .string()
    .regex(/^[\w.-]{1,100}$/, { error: 'expected organizations, a tenant id or a domain' })
    .default('organizations'),
  /** Tandem's public address, where the providers send people back (`/oauth/…/callback`). */
  PUBLIC_URL: z
    .url({
      protocol: /^https?$/,
      error: 'expected Tandem’s public URL, e.g. https://tandem.example.com',
    })
    .transform((v) => v.replace(/\/+$/, ''))
    .optional(),
  /** Seals calendar tokens at rest: 32 bytes, base64 or hex (`openssl rand -base64 32`). */
  CALENDAR_TOKEN_KEY: z.string().min(1).optional(),
  /**
   * Where the platform gives a person's work e-mail (Slack with `users:read.email`), only the
   * calendar account with that address connects; `true` admits any account (aliases).
   */
  CALENDAR_ANY_ACCOUNT: flag,
});

export type EnvConfig = z.output<typeof configSchema>;

export interface Config extends EnvConfig {
  /** Platforms with credentials; empty means the local console. */
  platforms: Platform[];
  /** DATABASE_PATH, or the default for this kind of start. */
  DATABASE_PATH: string;
  /**
   * The calendar providers' endpoints, where not the real ones (tests: a local fake). Not
   * read from the environment.
   */
  calendarEndpoints?: Partial<
    Record<
      'google' | 'microsoft',
      { authUrl: string; tokenUrl: string; apiUrl: string; timeoutMs?: number }
    >
  >;
}

/**
 * Where the data lives when DATABASE_PATH is unset. The console's demo company gets a file of
 * its own, so trying the console and then connecting Slack never puts the demo's twelve
 * colleagues into the company's database.
 */
export const DEFAULT_DATABASE_PATH = {
  console: './data/demo.db',
  platform: './data/tandem.db',
} as const;

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
  const problems = (parsed.success ? [] : parsed.error.issues).map((issue) => ({
    name: String(issue.path[0] ?? '?'),
    message: issue.message,
  }));
  problems.push(...crossChecks(cleaned));
  if (!parsed.success || problems.length > 0) {
    const lines = problems.map(({ name, message }) => {
      const shown = name in cleaned ? ` (got "${redact(name, cleaned[name])}")` : '';
      return `  ${name}: ${message}${shown}`;
    });
    throw new TandemError('config_invalid', `Invalid configuration:\n${lines.join('\n')}`);
  }
  const platforms = PLATFORMS.filter((p) => p !== 'console' && platformConfigured(p, cleaned));
  const databasePath =
    parsed.data.DATABASE_PATH ??
    (platforms.length === 0 ? DEFAULT_DATABASE_PATH.console : DEFAULT_DATABASE_PATH.platform);
  return { ...parsed.data, platforms, DATABASE_PATH: databasePath };
}

/** Rules that span variables; checked alongside the schema so every problem is listed at once. */
function crossChecks(env: Record<string, string | undefined>): { name: string; message: string }[] {
  const out: { name: string; message: string }[] = [];
  if (env.SLACK_BOT_TOKEN && !env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN) {
    out.push({
      name: 'SLACK_SIGNING_SECRET',
      message: 'required with SLACK_BOT_TOKEN (or set SLACK_APP_TOKEN for Socket Mode)',
    });
  }
  if (!env.SLACK_BOT_TOKEN && (env.SLACK_SIGNING_SECRET || env.SLACK_APP_TOKEN)) {
    out.push({ name: 'SLACK_BOT_TOKEN', message: 'required to connect Slack' });
  }
  if (env.TELEGRAM_WEBHOOK_URL && !env.TELEGRAM_WEBHOOK_SECRET) {
    out.push({ name: 'TELEGRAM_WEBHOOK_SECRET', message: 'required with TELEGRAM_WEBHOOK_URL' });
  }
  if (!env.TELEGRAM_BOT_TOKEN && (env.TELEGRAM_WEBHOOK_URL || env.TELEGRAM_WEBHOOK_SECRET)) {
    out.push({ name: 'TELEGRAM_BOT_TOKEN', message: 'required to connect Telegram' });
  }
  out.push(...calendarChecks(env));
  // The console demo is one person in one process, on its own file (never a company's data).
  if (env.DATABASE_URL && !env.SLACK_BOT_TOKEN && !env.TELEGRAM_BOT_TOKEN) {
    out.push({
      name: 'DATABASE_URL',
      message: `the console demo runs on its own SQLite file (${DEFAULT_DATABASE_PATH.console}); PostgreSQL is for a Slack or Telegram start — remove DATABASE_URL to try the demo`,
    });
  }
  // DEMO once seeded the demo company beside a platform. The demo now lives only in the
  // console, so it is refused there rather than silently ignored.
  if (
    z.stringbool().safeParse(env.DEMO).data === true &&
    (env.SLACK_BOT_TOKEN || env.TELEGRAM_BOT_TOKEN)
  ) {
    out.push({
      name: 'DEMO',
      message: `the demo company lives only in the console, in its own database (${DEFAULT_DATABASE_PATH.console}); remove DEMO — to try the demo, run npm start without Slack or Telegram tokens`,
    });
  }
  // node-cron accepts schedules that never come (31W in February, or a time the zone's DST
  // always skips) and then stops the process at start: refuse them here, with the reason.
  const zone = env.ORG_TIMEZONE ?? 'UTC';
  for (const name of ['MATCH_CRON', 'DIGEST_CRON', 'SUMMARY_CRON'] as const) {
    const expression = env[name];
    if (!expression || !cron.validate(expression) || !IANAZone.isValidZone(zone)) continue;
    if (!firesEver(expression, zone)) {
      out.push({
        name,
        message: `never runs: no day and time it names ever comes in ${zone} (like "31W" in February, or a time the clocks always skip)`,
      });
    }
  }
  out.push(...notRunningChecks(env));
  return out;
}

/**
 * A calendar provider is on with both its client id and secret; one without the other is a
 * mistake. With any provider on, the callback needs PUBLIC_URL and the tokens a real key.
 */
function calendarChecks(env: Record<string, string | undefined>) {
  const out: { name: string; message: string }[] = [];
  let anyProvider = false;
  for (const provider of ['GOOGLE', 'MICROSOFT'] as const) {
    const id = `${provider}_CLIENT_ID`;
    const secret = `${provider}_CLIENT_SECRET`;
    if (env[id] && env[secret]) anyProvider = true;
    else if (env[id]) out.push({ name: secret, message: `required with ${id}` });
    else if (env[secret]) out.push({ name: id, message: `required with ${secret}` });
  }
  if (!anyProvider) return out;
  if (!env.PUBLIC_URL)
    out.push({
      name: 'PUBLIC_URL',
      message:
        'required to connect calendars: the https address people reach Tandem at (its /oauth/google/callback and /oauth/microsoft/callback are registered with the provider)',
    });
  const key = env.CALENDAR_TOKEN_KEY;
  if (!key || !isTokenKey(key))
    out.push({
      name: 'CALENDAR_TOKEN_KEY',
      message: `${key ? 'must be' : 'required to connect calendars:'} 32 random bytes as base64 or hex, e.g. the output of \`openssl rand -base64 32\` (it seals the calendar tokens stored in the database)`,
    });
  return out;
}

function isTokenKey(text: string): boolean {
  try {
    parseKey(text);
    return true;
  } catch {
    return false;
  }
}

/** How each platform is named to the person reading a config error, and what connects it. */
const PLATFORM_WORDS: Record<Platform, { name: string; channel: string; token?: string }> = {
  console: { name: 'the console', channel: 'console:hr' },
  slack: { name: 'Slack', channel: 'slack:C0123', token: 'SLACK_BOT_TOKEN' },
  telegram: { name: 'Telegram', channel: 'telegram:-1001234', token: 'TELEGRAM_BOT_TOKEN' },
};

/**
 * A Slack or Telegram start refuses a channel or an admin on a platform it does not run: a post
 * or a DM there is never attempted (no adapter takes it), so it would wait forever unseen while
 * the admin is told it went. The console start keeps such settings out instead (see
 * `consoleStart`), so a company's .env still gives a working demo.
 */
function notRunningChecks(env: Record<string, string | undefined>) {
  const running = PLATFORMS.filter((p) => p !== 'console' && platformConfigured(p, env));
  if (running.length === 0) return [];
  const runs = running.map((p) => PLATFORM_WORDS[p].name).join(' and ');
  const elsewhere = (value: string): Platform | undefined => {
    const platform = PLATFORMS.find((p) => value.startsWith(`${p}:`));
    return platform && !running.includes(platform) ? platform : undefined;
  };
  const connect = (p: Platform) => {
    const token = PLATFORM_WORDS[p].token;
    return token ? `, or set ${token} to connect ${PLATFORM_WORDS[p].name}` : '';
  };
  const out: { name: string; message: string }[] = [];
  for (const name of ['HR_CHANNEL', 'CONTENT_CHANNEL'] as const) {
    const platform = elsewhere(env[name] ?? '');
    if (!platform) continue;
    const example = running.map((p) => PLATFORM_WORDS[p].channel).join(' or ');
    out.push({
      name,
      message: `a channel on ${PLATFORM_WORDS[platform].name}, which this start does not run (it runs ${runs}), so nothing would ever be posted there; set ${name} to a channel of ${runs}, e.g. ${example}${connect(platform)}`,
    });
  }
  const admins = (env.ADMIN_IDS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((item) => elsewhere(item));
  if (admins.length > 0) {
    const platforms = [...new Set(admins.map((a) => elsewhere(a) as Platform))];
    out.push({
      name: 'ADMIN_IDS',
      message: `${admins.join(', ')} ${admins.length === 1 ? 'is' : 'are'} on ${platforms.map((p) => PLATFORM_WORDS[p].name).join(' and ')}, which this start does not run (it runs ${runs}), so they would never hear from Tandem; remove ${admins.length === 1 ? 'it' : 'them'}${platforms.map(connect).join('')}`,
    });
  }
  return out;
}

/**
 * Readies a console start's config: you are its admin, and its HR and content channels are
 * shown right in the console. Channels and admins of Slack or Telegram (a company's .env, when
 * trying the console) are set aside, as the console cannot reach them; the lines returned say
 * which, for stderr.
 */
export function consoleStart(config: Config): string[] {
  const notes: string[] = [];
  const others = config.ADMIN_IDS.filter((a) => a.platform !== 'console');
  if (others.length > 0) {
    notes.push(
      `ADMIN_IDS: ${others.map((a) => `${a.platform}:${a.id}`).join(', ')} ignored: the console runs without Slack or Telegram, and you are its admin.`,
    );
  }
  config.ADMIN_IDS = [
    ...config.ADMIN_IDS.filter((a) => a.platform === 'console'),
    { platform: 'console', id: 'me' },
  ];
  const channels = { HR_CHANNEL: 'console:hr', CONTENT_CHANNEL: 'console:content' } as const;
  for (const [name, fallback] of Object.entries(channels) as [keyof typeof channels, string][]) {
    const set = config[name];
    if (set && !set.startsWith('console:')) {
      notes.push(
        `${name}: ${set} ignored: the console runs without Slack or Telegram; its posts are shown here as ${fallback}.`,
      );
    }
    if (!set?.startsWith('console:')) config[name] = fallback;
  }
  return notes;
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
  if (/TOKEN|SECRET|KEY|PASSWORD|DATABASE_URL/i.test(name)) return '***';
  return (value ?? '').slice(0, 60);
}

/** Reads `.env` from the working directory if present; real environment variables win. */
export function readEnv(path = '.env'): Record<string, string | undefined> {
  if (existsSync(path)) process.loadEnvFile(path);
  return process.env;
}
