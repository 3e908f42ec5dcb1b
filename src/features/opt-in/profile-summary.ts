import { and, eq, or } from 'drizzle-orm';
import { encodeAction } from '../../core/actions';
import type { Ctx } from '../../core/context';
import { formatDate, formatOffset } from '../../core/format';
import type { TextReply } from '../../core/replies';
import type { ProfileWithTopics } from '../../db/queries/profiles';
import { listTopics } from '../../db/queries/profiles';
import { getUser } from '../../db/queries/users';
import { pairs, type UserRow } from '../../db/schema';
import { CALENDAR_SHOW_ACTION, canConnectCalendar } from '../calendars/commands';
import { GUIDE_SHOW_ACTION } from './guide';
import { topicName } from './profile-options';
import { describeHours, hoursOf } from './working-hours';

export const PROFILE_EDIT_ACTION = 'optin.edit';

/** The person's own profile, as they see it with /profile and after an edit. */
export async function profileSummary(
  ctx: Ctx,
  data: ProfileWithTopics,
  user: UserRow,
): Promise<TextReply> {
  const { t, locale } = ctx;
  const { profile } = data;
  const names = new Map(
    (await listTopics(ctx.tx)).map((topic) => [topic.id, topicName(topic, locale)]),
  );
  const topicList = (ids: string[]) => ids.map((id) => names.get(id) ?? id).join(', ');
  const zone = user.timeZone ?? ctx.deps.config.ORG_TIMEZONE;
  const none = t('profile.none');
  // In a pair: "ready for matching" would say the opposite of what /pair shows.
  const active = await ctx.tx
    .select()
    .from(pairs)
    .where(
      and(
        eq(pairs.status, 'active'),
        or(eq(pairs.mentorUserId, user.id), eq(pairs.menteeUserId, user.id)),
      ),
    );
  const partners: string[] = [];
  for (const pair of active) {
    const other = pair.mentorUserId === user.id ? pair.menteeUserId : pair.mentorUserId;
    partners.push((await getUser(ctx.tx, other))?.name ?? t('user.formerLabel'));
  }
  const mentoring = active.filter((p) => p.mentorUserId === user.id).length;
  // One-to-one places left (a group's are counted apart, by the round).
  const roomLeft =
    profile.role !== 'mentee' &&
    mentoring > 0 &&
    active.filter((p) => p.mentorUserId === user.id && !p.group).length < (profile.capacity ?? 1);
  const lines = [
    `${t('profile.label.role')}: ${t(`profile.role.${profile.role}`)}`,
    `${t('profile.label.grade')}: ${t(`profile.grade.${profile.grade as 1 | 2 | 3 | 4 | 5}`)}`,
    `${t('profile.label.department')}: ${profile.department}`,
    data.teach.length ? `${t('profile.label.teach')}: ${topicList(data.teach)}` : undefined,
    data.learn.length ? `${t('profile.label.learn')}: ${topicList(data.learn)}` : undefined,
    `${t('profile.label.interests')}: ${profile.interests.join(', ') || none}`,
    `${t('profile.label.formats')}: ${profile.formats.map((f) => t(`profile.format.${f}`)).join(', ')}`,
    profile.capacity ? `${t('profile.label.capacity')}: ${profile.capacity}` : undefined,
    // A zone typed as an offset ("+5") is its offset: said once, with a proper minus.
    `${t('profile.label.timeZone')}: ${
      zone.startsWith('UTC')
        ? formatOffset(zone, ctx.now)
        : `${zone} (${formatOffset(zone, ctx.now)})`
    }`,
    `${t('hours.label')}: ${describeHours(t, hoursOf(profile))}`,
    `${t('profile.label.language')}: ${t(`lang.name.${locale}`)}`,
    `${t('profile.label.status')}: ${
      profile.pausedUntil && profile.pausedUntil > ctx.now
        ? t('profile.status.paused', { until: formatDate(profile.pausedUntil, locale, zone) })
        : partners.length > 0
          ? t(roomLeft ? 'profile.status.pairedRoom' : 'profile.status.paired', {
              names: partners.join(', '),
            })
          : profile.preparedAt
            ? t('profile.status.ready')
            : t('profile.status.notPrepared')
    }`,
  ];
  return {
    kind: 'text',
    title: t('profile.title'),
    text: lines.filter(Boolean).join('\n'),
    shortcuts: true,
    buttons: [
      { label: t('profile.button.edit'), data: encodeAction(PROFILE_EDIT_ACTION, ctx.user.id) },
      ...(canConnectCalendar(ctx)
        ? [
            {
              label: t('cal.button.profile'),
              data: encodeAction(CALENDAR_SHOW_ACTION, ctx.user.id),
            },
          ]
        : []),
      ...(profile.preparedAt
        ? []
        : [
            {
              label: t('profile.button.guide'),
              data: encodeAction(GUIDE_SHOW_ACTION, ctx.user.id),
            },
          ]),
    ],
  };
}
