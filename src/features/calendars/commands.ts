import { z } from 'zod';
import { arg, encodeAction, noArgs } from '../../core/actions';
import type { Ctx } from '../../core/context';
import { type ActionSpec, action, type CommandSpec } from '../../core/registry';
import type { Button } from '../../core/replies';
import type { CalendarLinkRow } from '../../db/schema';
import { notify } from '../notify';
import { deleteLink, linkOf, linksOf } from './links';
import { CALENDAR_PROVIDER_IDS, calendarsOf } from './setup';
import { pkce, STATE_TTL_MS, sealState } from './state';

export const CALENDAR_SHOW_ACTION = 'cal.show';
export const CALENDAR_OFF_ACTION = 'cal.off';
/** Handed to the engine by the OAuth callback once a link is stored: tells the person. */
export const CALENDAR_LINKED_ACTION = 'cal.linked';

/**
 * Whether this person can connect a calendar here: a provider is configured, and the
 * platform is one whose people reach Tandem's HTTP port (the console has none).
 */
export function canConnectCalendar(ctx: Ctx): boolean {
  return Boolean(calendarsOf(ctx.deps.config)) && ctx.event.user.ref.platform !== 'console';
}

/**
 * `calendar` (and "Connect my calendar" under the profile): the connected calendars with a
 * Disconnect each, and a link per provider not connected yet. A link holds a sealed state
 * bound to this person and provider, valid STATE_TTL_MS.
 */
async function showCalendars(ctx: Ctx): Promise<void> {
  const calendars = calendarsOf(ctx.deps.config);
  if (!calendars || ctx.event.user.ref.platform === 'console') {
    ctx.reply({ kind: 'text', text: ctx.t('cal.unavailable') });
    return;
  }
  const links = await linksOf(ctx.tx, ctx.user.id);
  const buttons: Button[] = [];
  for (const provider of CALENDAR_PROVIDER_IDS) {
    const client = calendars.providers[provider];
    if (!client || links.some((l) => l.provider === provider)) continue;
    const { verifier, challenge } = pkce();
    const state = sealState(calendars.state, {
      user: ctx.user.id,
      provider,
      verifier,
      until: ctx.now.getTime() + STATE_TTL_MS,
    });
    buttons.push({
      label: ctx.t(`cal.button.connect.${provider}`),
      url: client.authorizeUrl({
        state,
        challenge,
        redirectUri: calendars.redirectUri(provider),
        // Where the platform gives a work e-mail, only that account connects (see routes.ts).
        ...(ctx.user.email ? { loginHint: ctx.user.email } : {}),
      }),
    });
  }
  buttons.push(...links.map((link) => disconnectButton(ctx, link)));
  const connected = links.map((l) =>
    ctx.t('cal.connectedLine', {
      provider: ctx.t(`cal.provider.${l.provider}`),
      account: l.account,
    }),
  );
  ctx.reply({
    kind: 'text',
    title: ctx.t('cal.title'),
    text: [
      ctx.t('cal.intro'),
      ...(connected.length ? [connected.join('\n')] : []),
      ...(links.length < Object.keys(calendars.providers).length ? [ctx.t('cal.linkNote')] : []),
    ].join('\n\n'),
    buttons,
  });
}

function disconnectButton(ctx: Ctx, link: CalendarLinkRow): Button {
  return {
    label: ctx.t('cal.button.disconnect', { provider: ctx.t(`cal.provider.${link.provider}`) }),
    data: encodeAction(CALENDAR_OFF_ACTION, ctx.user.id, String(link.id)),
    style: 'danger',
  };
}

export const calendarCommand: CommandSpec = {
  scope: 'dm',
  // Offered from the profile; left out of /help and the menu, where no calendar may be set up.
  hidden: true,
  run: (ctx) => showCalendars(ctx),
};

export const calendarActions = {
  [CALENDAR_SHOW_ACTION]: action(noArgs, (ctx) => showCalendars(ctx)),
  [CALENDAR_OFF_ACTION]: action(z.tuple([arg.id]), async (ctx, [id]) => {
    const link = await linkOf(ctx.tx, ctx.user.id, id);
    if (!link || !(await deleteLink(ctx.tx, ctx.user.id, id))) {
      ctx.reply({ kind: 'text', text: ctx.t('cal.notConnected') });
      return;
    }
    ctx.reply({
      kind: 'text',
      text: ctx.t('cal.disconnected', { provider: ctx.t(`cal.provider.${link.provider}`) }),
    });
  }),
  [CALENDAR_LINKED_ACTION]: action(z.tuple([arg.id]), async (ctx, [id]) => {
    // Disconnected again before this ran: nothing to announce.
    const link = await linkOf(ctx.tx, ctx.user.id, id);
    if (!link) return;
    // To their DM, whatever conversation the callback's event named.
    await notify(
      ctx.tx,
      ctx.deps,
      ctx.user,
      `calendar:${link.id}:${link.updatedAt.getTime()}`,
      (t) => ({
        kind: 'text',
        text: t('cal.linked', {
          provider: t(`cal.provider.${link.provider}`),
          account: link.account,
        }),
        buttons: [
          {
            label: t('cal.button.disconnect', { provider: t(`cal.provider.${link.provider}`) }),
            data: encodeAction(CALENDAR_OFF_ACTION, ctx.user.id, String(link.id)),
            style: 'danger',
          },
        ],
      }),
      ctx.now,
    );
  }),
} satisfies Record<string, ActionSpec>;
