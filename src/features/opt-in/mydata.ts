import { and, eq, or } from 'drizzle-orm';
import type { CommandSpec } from '../../core/registry';
import type { DbOrTx } from '../../db/client';
import { getProfile } from '../../db/queries/profiles';
import { storedRoles } from '../../db/queries/users';
import {
  auditLog,
  experiments,
  finalSurveys,
  formSessions,
  goals,
  meetingFeedback,
  pairs,
  proposals,
  stories,
  timers,
  type UserRow,
} from '../../db/schema';

/** Everything stored about one person, as plain JSON (the right of access). */
export function exportPersonalData(db: DbOrTx, user: UserRow, now: Date) {
  const data = getProfile(db, user.id);
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
      firstSeenAt: user.createdAt.toISOString(),
      lastSeenAt: user.lastSeenAt?.toISOString() ?? null,
    },
    roles: storedRoles(db, user.id),
    profile: data
      ? {
          ...data.profile,
          userId: undefined,
          consentAt: data.profile.consentAt.toISOString(),
          preparedAt: data.profile.preparedAt?.toISOString() ?? null,
          pausedUntil: data.profile.pausedUntil?.toISOString() ?? null,
          joinedAt: data.profile.joinedAt.toISOString(),
          updatedAt: data.profile.updatedAt.toISOString(),
          topicsITeach: data.teach,
          topicsIWantToLearn: data.learn,
        }
      : null,
    formsInProgress: db
      .select({
        form: formSessions.formId,
        status: formSessions.status,
        answers: formSessions.values,
      })
      .from(formSessions)
      .where(and(eq(formSessions.userId, user.id), eq(formSessions.status, 'active')))
      .all(),
    scheduledActions: db
      .select({ kind: timers.kind, dueAt: timers.dueAt, status: timers.status })
      .from(timers)
      .where(eq(timers.userId, user.id))
      .all()
      .map((r) => ({ ...r, dueAt: r.dueAt.toISOString() })),
    pairs: db
      .select()
      .from(pairs)
      .where(or(eq(pairs.mentorUserId, user.id), eq(pairs.menteeUserId, user.id)))
      .all()
      .map((p) => ({
        role: p.mentorUserId === user.id ? 'mentor' : 'mentee',
        partner: p.mentorUserId === user.id ? p.menteeUserId : p.mentorUserId,
        status: p.status,
        since: p.createdAt.toISOString(),
      })),
    proposals: db
      .select()
      .from(proposals)
      .where(or(eq(proposals.mentorUserId, user.id), eq(proposals.menteeUserId, user.id)))
      .all()
      .map((p) => ({
        role: p.mentorUserId === user.id ? 'mentor' : 'mentee',
        status: p.status,
        myAnswer: p.mentorUserId === user.id ? p.mentorAnswer : p.menteeAnswer,
        reasons: p.reasons,
        createdAt: p.createdAt.toISOString(),
      })),
    myGoals: db
      .select()
      .from(goals)
      .where(eq(goals.ownerUserId, user.id))
      .all()
      .map((g) => ({
        goal: g.specific,
        measure: g.measure,
        deadline: g.deadline,
        why: g.relevant,
        progress: g.progress,
        status: g.status,
      })),
    myFeedback: db
      .select()
      .from(meetingFeedback)
      .where(eq(meetingFeedback.userId, user.id))
      .all()
      .map((f) => ({
        meeting: f.meetingId,
        usefulness: f.usefulness,
        learned: f.learned,
        noteForHr: f.noteForHr,
        nameShownToHr: f.named,
        at: f.updatedAt.toISOString(),
      })),
    myIdeas: db
      .select()
      .from(experiments)
      .where(eq(experiments.authorUserId, user.id))
      .all()
      .map((e) => ({
        title: e.title,
        hypothesis: e.hypothesis,
        smallestTest: e.smallestTest,
        measure: e.measure,
        status: e.status,
      })),
    myStories: db
      .select()
      .from(stories)
      .where(eq(stories.authorUserId, user.id))
      .all()
      .map((s) => ({ text: s.text, status: s.status, at: s.createdAt.toISOString() })),
    myFinalSurveys: db
      .select()
      .from(finalSurveys)
      .where(eq(finalSurveys.userId, user.id))
      .all()
      .map((f) => ({
        overall: f.overall,
        nps: f.nps,
        changed: f.changed,
        shareStory: f.shareStory,
      })),
    myActions: db
      .select({ at: auditLog.at, action: auditLog.action, details: auditLog.details })
      .from(auditLog)
      .where(eq(auditLog.actorUserId, user.id))
      .all()
      .map((r) => ({ ...r, at: r.at.toISOString() })),
  };
}

export const mydataCommand: CommandSpec = {
  scope: 'dm',
  takesArgs: false,
  run(ctx) {
    const json = JSON.stringify(exportPersonalData(ctx.deps.db, ctx.user, ctx.now), null, 2);
    ctx.reply({ kind: 'text', text: ctx.t('mydata.intro') });
    ctx.replyFile({
      filename: `tandem-mydata-${ctx.now.toISOString().slice(0, 16).replace(':', '')}.json`,
      mimeType: 'application/json',
      contentBase64: Buffer.from(json, 'utf8').toString('base64'),
      caption: ctx.t('mydata.caption'),
    });
  },
};
