import { encodeAction } from '../../core/actions';
import type { HomeView } from '../../core/adapter';
import type { Ctx } from '../../core/context';
import { COMMAND_ACTION } from '../../core/engine';
import type { CommandSpec } from '../../core/registry';
import type { Button } from '../../core/replies';
import { getProfile } from '../../db/queries/profiles';
import { isSaved } from '../../db/queries/users';
import { pairLines, pendingProposals, waitingLines } from '../matching/pair-command';
import { meetingLine, upcomingMeetings } from '../scheduling/commands';
import { profileSummary } from './profile-summary';

/** The main actions as buttons, fitted to where the person is in the program. */
export async function mainButtons(ctx: Ctx): Promise<Button[]> {
  const data = await getProfile(ctx.tx, ctx.user.id);
  // Someone not yet saved has no id to own a button; theirs are only on their own Home.
  const owner = isSaved(ctx.user) ? ctx.user.id : undefined;
  const button = (name: string, label: string, style?: Button['style']): Button => ({
    label,
    data: encodeAction(COMMAND_ACTION, owner, name),
    ...(style ? { style } : {}),
  });
  if (!data) {
    return [
      button('join', ctx.t('menu.join'), 'primary'),
      button('help', ctx.t('menu.help')),
      button('lang', ctx.t('menu.lang')),
    ];
  }
  const paused = Boolean(data.profile.pausedUntil && data.profile.pausedUntil > ctx.now);
  return [
    button('profile', ctx.t('menu.profile')),
    paused
      ? button('resume', ctx.t('menu.resume'), 'primary')
      : button('pause', ctx.t('menu.pause')),
    button('lang', ctx.t('menu.lang')),
    button('mydata', ctx.t('menu.mydata')),
    button('help', ctx.t('menu.help')),
    button('leave', ctx.t('menu.leave'), 'danger'),
  ];
}

/** `/mentor` alone in Slack (and /menu anywhere): the main actions as buttons. */
export const menuCommand: CommandSpec = {
  scope: 'anywhere',
  hidden: true,
  takesArgs: false,
  async run(ctx) {
    ctx.reply({ kind: 'text', text: ctx.t('menu.text'), buttons: await mainButtons(ctx) });
  },
};

/**
 * The home surface (Slack App Home): my profile, my pairs with their goals, my next session
 * in my zone, each proposal waiting for my answer (with its Accept / Decline), the main actions.
 */
export async function buildHome(ctx: Ctx): Promise<HomeView> {
  const data = await getProfile(ctx.tx, ctx.user.id);
  // My pairs, then proposals I accepted whose other side has yet to answer.
  const pairs = data ? [...(await pairLines(ctx)), ...(await waitingLines(ctx))] : [];
  const proposals = data ? await pendingProposals(ctx) : [];
  const [next] = data ? await upcomingMeetings(ctx) : [];
  const pair =
    pairs.length > 0
      ? pairs.join('\n')
      : !data
        ? ctx.t('home.pair.notJoined')
        : proposals.length > 0
          ? ctx.t('home.pair.proposed')
          : data.profile.preparedAt
            ? ctx.t('home.pair.none')
            : ctx.t('home.pair.notPrepared');
  return {
    title: ctx.t('help.title'),
    sections: [
      {
        title: ctx.t('home.profile'),
        text: data ? (await profileSummary(ctx, data, ctx.user)).text : ctx.t('home.notJoined'),
      },
      { title: ctx.t('home.pair'), text: pair },
      {
        title: ctx.t('home.meeting'),
        text: next ? meetingLine(ctx, next.meeting, next.partnerName) : ctx.t('home.meeting.none'),
      },
      ...proposals.map((proposal) => ({
        title: ctx.t('home.proposal'),
        text: proposal.text,
        ...(proposal.buttons ? { buttons: proposal.buttons } : {}),
      })),
    ],
    buttons: await mainButtons(ctx),
  };
}
