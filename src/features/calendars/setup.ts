import type { Config } from '../../config';
import {
  type CalendarProvider,
  createGoogleCalendar,
  createMicrosoftCalendar,
  type ProviderConfig,
} from './providers';
import { createSealer, parseKey, type Sealer } from './sealed';
import type { CalendarProviderId } from './state';

/** What connecting calendars needs, built from the config once. */
export interface Calendars {
  /** Only the providers with a client id and secret: the others get no button. */
  providers: Partial<Record<CalendarProviderId, CalendarProvider>>;
  /** Where a provider sends the person back: PUBLIC_URL/oauth/<provider>/callback. */
  redirectUri(provider: CalendarProviderId): string;
  state: Sealer;
  tokens: Sealer;
}

export const CALENDAR_PROVIDER_IDS: readonly CalendarProviderId[] = ['google', 'microsoft'];

export const callbackPath = (provider: CalendarProviderId) => `/oauth/${provider}/callback`;

const built = new WeakMap<Config, Calendars | null>();

/**
 * The calendars this start can connect, or undefined when none is configured (no buttons,
 * no routes). The config check at start has made sure a configured provider comes with
 * PUBLIC_URL and a valid CALENDAR_TOKEN_KEY.
 */
export function calendarsOf(config: Config): Calendars | undefined {
  const known = built.get(config);
  if (known !== undefined) return known ?? undefined;
  const made = build(config);
  built.set(config, made ?? null);
  return made;
}

function build(config: Config): Calendars | undefined {
  const endpoints = config.calendarEndpoints ?? {};
  const providers: Calendars['providers'] = {};
  if (config.GOOGLE_CLIENT_ID && config.GOOGLE_CLIENT_SECRET)
    providers.google = createGoogleCalendar({
      clientId: config.GOOGLE_CLIENT_ID,
      clientSecret: config.GOOGLE_CLIENT_SECRET,
      ...endpoints.google,
    } satisfies ProviderConfig);
  if (config.MICROSOFT_CLIENT_ID && config.MICROSOFT_CLIENT_SECRET)
    providers.microsoft = createMicrosoftCalendar({
      clientId: config.MICROSOFT_CLIENT_ID,
      clientSecret: config.MICROSOFT_CLIENT_SECRET,
      tenant: config.MICROSOFT_TENANT,
      ...endpoints.microsoft,
    });
  const publicUrl = config.PUBLIC_URL;
  if (Object.keys(providers).length === 0 || !publicUrl || !config.CALENDAR_TOKEN_KEY)
    return undefined;
  const key = parseKey(config.CALENDAR_TOKEN_KEY);
  return {
    providers,
    redirectUri: (provider) => `${publicUrl}${callbackPath(provider)}`,
    state: createSealer(key, 'state'),
    tokens: createSealer(key, 'tokens'),
  };
}
