import { asc, desc, eq, inArray, or } from 'drizzle-orm';
import type { Locale } from '../../core/i18n';
import type { CommandSpec } from '../../core/registry';
import type { DbOrTx } from '../../db/client';
import type { MydataSection } from '../../db/queries/personal-data';
import { getProfile, listTopics } from '../../db/queries/profiles';
import { getUser } from '../../db/queries/users';
import {
  auditLog,
  broadcasts,
  calendarLinks,
  contentPosts,
  experimentOutcomes,
  experiments,
  finalSurveys,
  formSessions,
  goals,
  matchRounds,
  meetingFeedback,
  meetings,
  outbox,
  pairFit,
  pairs,
  programs,
  proposals,
  stories,
  storyInvites,
  surveyInvites,
  timers,
  type UserRow,
  userRoles,
} from '../../db/schema';
import { minutesClock } from './working-hours';

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

/**
 * Everything stored about one person, as plain JSON they can read (the right of access):
 * people by name, topics by name, times in ISO 8601. One section per `MydataSection`, so a
 * table that points at people can't be added without a place here (see personal-data.ts).
 */
export async function exportPersonalData(
  db: DbOrTx,
  user: UserRow,
  now: Date,
  options: { locale: Locale; former: string },
) {
  const me = user.id;
  const topicNames = new Map(
    (await listTopics(db)).map((t) => [t.id, options.locale === 'ru' ? t.nameRu : t.nameEn]),
  );
  const topicsOf = (ids: string[]) => ids.map((id) => topicNames.get(id) ?? id);
  /** "me", a name, or "a former participant" for someone who has left (each read once). */
  const names = new Map<number, Promise<string>>();
  const who = async (id: number | null): Promise<string | null> => {
    if (id === null) return null;
    if (id === me) return 'me';
    let name = names.get(id);
    if (!name) {
      name = getUser(db, id).then((u) => u?.name ?? options.former);
      names.set(id, name);
    }
    return name;
  };
  /** Each row mapped by an async step (one reading names), in order. */
  const each = <R, T>(rows: readonly R[], step: (row: R) => Promise<T>) =>
    Promise.all(rows.map(step));
  // Programs are few: their names read once, for every place that names one.
  const programNames = new Map(
    (await db.select({ id: programs.id, name: programs.name }).from(programs)).map((p) => [
      p.id,
      p.name,
    ]),
  );
  const programName = (id: number | null) => (id === null ? null : (programNames.get(id) ?? null));

  const myPairs = await db
    .select()
    .from(pairs)
    .where(or(eq(pairs.mentorUserId, me), eq(pairs.menteeUserId, me)))
    .orderBy(asc(pairs.id));
  const partnerIn = new Map(
    await each(
      myPairs,
      async (p) =>
        [p.id, await who(p.mentorUserId === me ? p.menteeUserId : p.mentorUserId)] as const,
    ),
  );
  const pairIds = myPairs.map((p) => p.id);
  const meetingRows = pairIds.length
    ? await db
        .select()
        .from(meetings)
        .where(inArray(meetings.pairId, pairIds))
        .orderBy(asc(meetings.startsAt), asc(meetings.id))
    : [];
  const meetingById = new Map(meetingRows.map((m) => [m.id, m]));
  const data = await getProfile(db, me);

  const ideaRows = await db
    .select()
    .from(experiments)
    .where(
      or(
        eq(experiments.authorUserId, me),
        eq(experiments.sponsorUserId, me),
        inArray(
          experiments.id,
          db
            .select({ id: experimentOutcomes.experimentId })
            .from(experimentOutcomes)
            .where(eq(experimentOutcomes.userId, me)),
        ),
      ),
    );

  const sections = {
    profile: data
      ? {
          role: data.profile.role,
          grade: data.profile.grade,
          department: data.profile.department,
          interests: data.profile.interests,
          formats: data.profile.formats,
          capacity: data.profile.capacity,
          // In the person's own zone (see account.timeZone).
          workingHours: {
            isoWeekdays: data.profile.workDays,
            start: minutesClock(data.profile.workStart),
            end: minutesClock(data.profile.workEnd),
          },
          topicsITeach: topicsOf(data.teach),
          topicsIWantToLearn: topicsOf(data.learn),
          program: programName(data.profile.programId),
          consentAt: iso(data.profile.consentAt),
          joinedAt: iso(data.profile.joinedAt),
          preparedAt: iso(data.profile.preparedAt),
          pausedUntil: iso(data.profile.pausedUntil),
          updatedAt: iso(data.profile.updatedAt),
        }
      : null,
    roles: (await db.select().from(userRoles).where(eq(userRoles.userId, me))).map((r) => ({
      role: r.role,
      grantedAt: iso(r.grantedAt),
    })),
    pairs: myPairs.map((p) => ({
      myRole: p.mentorUserId === me ? 'mentor' : 'mentee',
      partner: partnerIn.get(p.id) ?? null,
      status: p.status,
      group: p.group,
      madeByHr: p.manual,
      program: programName(p.programId),
      remindersIgnored: p.nudgesIgnored,
      since: iso(p.createdAt),
      ended: iso(p.endedAt),
    })),
    proposals: await each(
      await db
        .select()
        .from(proposals)
        .where(or(eq(proposals.mentorUserId, me), eq(proposals.menteeUserId, me))),
      async (p) => {
        const mentor = p.mentorUserId === me;
        return {
          myRole: mentor ? 'mentor' : 'mentee',
          partner: await who(mentor ? p.menteeUserId : p.mentorUserId),
          status: p.status,
          myAnswer: mentor ? p.mentorAnswer : p.menteeAnswer,
          score: p.score,
          why: {
            topics: topicsOf(p.reasons.topics),
            sharedInterests: p.reasons.interests,
            hoursApart: p.reasons.hoursApart,
          },
          proposedAt: iso(p.createdAt),
          decidedAt: iso(p.decidedAt),
        };
      },
    ),
    meetings: await each(meetingRows, async (m) => ({
      with: partnerIn.get(m.pairId) ?? null,
      kind: m.kind,
      startsAt: iso(m.startsAt),
      durationMin: m.durationMin,
      topic: m.topic,
      link: m.link,
      status: m.status,
      bookedBy: await who(m.createdBy),
      // The e-mail its invites name as organizer: theirs only for the ones they booked.
      ...(m.createdBy === me && m.inviteForm === 'organized'
        ? { inviteOrganizerEmail: m.inviteOrganizer }
        : {}),
    })),
    goals: await each(
      pairIds.length ? await db.select().from(goals).where(inArray(goals.pairId, pairIds)) : [],
      async (g) => ({
        owner: await who(g.ownerUserId),
        with: partnerIn.get(g.pairId) ?? null,
        goal: g.specific,
        doneWhen: g.measure,
        deadline: g.deadline,
        why: g.relevant,
        progress: g.progress,
        status: g.status,
        setAt: iso(g.createdAt),
      }),
    ),
    feedback: (await db.select().from(meetingFeedback).where(eq(meetingFeedback.userId, me))).map(
      (f) => {
        const meeting = f.meetingId === null ? undefined : meetingById.get(f.meetingId);
        return {
          session: meeting
            ? { with: partnerIn.get(meeting.pairId) ?? null, startsAt: iso(meeting.startsAt) }
            : null,
          usefulness: f.usefulness,
          learnedOrTaught: f.learned,
          noteForHr: f.noteForHr,
          nameShownToHr: f.named,
          at: iso(f.updatedAt),
        };
      },
    ),
    fit: (await db.select().from(pairFit).where(eq(pairFit.userId, me))).map((f) => ({
      with: f.pairId === null ? null : (partnerIn.get(f.pairId) ?? null),
      fit: f.fit,
      at: iso(f.createdAt),
    })),
    ideas: await Promise.all(
      ideaRows.map(async (e) => ({
        title: e.title,
        hypothesis: e.hypothesis,
        smallestTest: e.smallestTest,
        measure: e.measure,
        status: e.status,
        author: await who(e.authorUserId),
        sponsor: await who(e.sponsorUserId),
        checkDate: e.checkDate,
        parkedBecause: e.parkReason,
        proposedAt: iso(e.createdAt),
        pilotOutcomes: await each(
          await db
            .select()
            .from(experimentOutcomes)
            .where(eq(experimentOutcomes.experimentId, e.id)),
          async (o) => ({
            by: await who(o.userId),
            outcome: o.outcome,
            note: o.note,
            at: iso(o.createdAt),
          }),
        ),
      })),
    ),
    stories: await each(
      await db.select().from(stories).where(eq(stories.authorUserId, me)),
      async (s) => ({
        text: s.text,
        status: s.status,
        hrEdit: s.editedText,
        hrComment: s.reviewNote,
        reviewedBy: await who(s.reviewedBy),
        submittedAt: iso(s.createdAt),
        publishedAt: iso(s.publishedAt),
      }),
    ),
    storyInvites: (await db.select().from(storyInvites).where(eq(storyInvites.userId, me))).map(
      (i) => ({ after: partnerIn.get(i.pairId) ?? null, at: iso(i.createdAt) }),
    ),
    finalSurveys: (await db.select().from(finalSurveys).where(eq(finalSurveys.userId, me))).map(
      (f) => ({
        program: f.program,
        overall: f.overall,
        nps: f.nps,
        whatChanged: f.changed,
        shareStory: f.shareStory,
        at: iso(f.updatedAt),
      }),
    ),
    surveyInvites: (await db.select().from(surveyInvites).where(eq(surveyInvites.userId, me))).map(
      (i) => ({ program: i.program, at: iso(i.createdAt) }),
    ),
    forms: (await db.select().from(formSessions).where(eq(formSessions.userId, me))).map((f) => ({
      form: f.formId,
      status: f.status,
      answers: f.values,
      startedAt: iso(f.createdAt),
      updatedAt: iso(f.updatedAt),
    })),
    scheduledActions: (await db.select().from(timers).where(eq(timers.userId, me))).map((r) => ({
      kind: r.kind,
      dueAt: iso(r.dueAt),
      status: r.status,
    })),
    // Which calendars are connected; the tokens themselves are secrets, not data about them.
    calendars: (await db.select().from(calendarLinks).where(eq(calendarLinks.userId, me))).map(
      (l) => ({ provider: l.provider, account: l.account, connectedAt: iso(l.createdAt) }),
    ),
    messages: (
      await db.select().from(outbox).where(eq(outbox.userId, me)).orderBy(desc(outbox.id))
    ).map((m) => ({
      status: m.status,
      // Sent messages keep no text (the outbox is not an archive); waiting ones still do.
      text: m.payload?.kind === 'reply' ? m.payload.reply.text : null,
      file: m.payload?.kind === 'file' ? m.payload.file.filename : null,
      queuedAt: iso(m.createdAt),
      sentAt: iso(m.sentAt),
    })),
    actions: (await db.select().from(auditLog).where(eq(auditLog.actorUserId, me))).map((r) => ({
      at: iso(r.at),
      action: r.action,
      details: r.details,
    })),
    asStaff: {
      postsShared: (await db.select().from(contentPosts).where(eq(contentPosts.byUserId, me))).map(
        (p) => ({ url: p.url, comment: p.comment, at: iso(p.createdAt) }),
      ),
      broadcastsSent: (await db.select().from(broadcasts).where(eq(broadcasts.byUserId, me))).map(
        (b) => ({
          text: b.text,
          status: b.status,
          recipients: b.recipients,
          at: iso(b.createdAt),
        }),
      ),
      programsCreated: (await db.select().from(programs).where(eq(programs.createdBy, me))).map(
        (p) => ({ name: p.name, start: p.startDate, end: p.endDate, at: iso(p.createdAt) }),
      ),
      matchRoundsRun: (
        await db.select().from(matchRounds).where(eq(matchRounds.createdBy, me))
      ).map((r) => ({ proposals: r.proposals, at: iso(r.createdAt) })),
      storiesReviewed: await each(
        await db.select().from(stories).where(eq(stories.reviewedBy, me)),
        async (s) => ({
          author: await who(s.authorUserId),
          status: s.status,
          at: iso(s.createdAt),
        }),
      ),
    },
  } satisfies Record<MydataSection, unknown>;

  return {
    exportedAt: now.toISOString(),
    user: {
      platform: user.platform,
      workspace: user.workspace,
      platformUserId: user.platformUserId,
      name: user.name,
      language: user.locale,
      platformLanguage: user.platformLocale,
      timeZone: user.timeZone,
      email: user.email,
      firstSeenAt: iso(user.createdAt),
      lastSeenAt: iso(user.lastSeenAt),
      unreachableSince: iso(user.unreachableAt),
    },
    ...sections,
  };
}

export const mydataCommand: CommandSpec = {
  scope: 'dm',
  takesArgs: false,
  async run(ctx) {
    const data = await exportPersonalData(ctx.tx, ctx.user, ctx.now, {
      locale: ctx.locale,
      former: ctx.t('user.former'),
    });
    const json = JSON.stringify(data, null, 2);
    ctx.reply({ kind: 'text', text: ctx.t('mydata.intro') });
    ctx.replyFile({
      filename: `tandem-mydata-${ctx.now.toISOString().slice(0, 16).replace(':', '')}.json`,
      mimeType: 'application/json',
      contentBase64: Buffer.from(json, 'utf8').toString('base64'),
      caption: ctx.t('mydata.caption'),
    });
  },
};
