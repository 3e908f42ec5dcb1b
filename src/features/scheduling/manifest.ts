import { timer } from '../../jobs/types';
import { runStoryInvites } from '../content/stories';
import type { Feature } from '../feature';
import {
  findTimeActions,
  meetCommand,
  meetingsCommand,
  schedulingActions,
  sprintCommand,
} from './commands';
import { en } from './en';
import { MEETING_FORM, meetingForm } from './meeting-form';
import { runNudges } from './nudges';
import { ru } from './ru';
import {
  MEETING_AFTER_TIMER,
  MEETING_REMIND_TIMER,
  meetingTimerPayload,
  reminderPayload,
  runAfterMeeting,
  runReminder,
} from './service';

/** The forms this feature asks, by id (their ids also type the form engine). */
export const schedulingForms = { [MEETING_FORM]: meetingForm };

/** Booking sprints and meetings, their reminders and "did it happen?". */
export const scheduling = {
  name: 'meet',
  commands: {
    sprint: sprintCommand,
    meet: meetCommand,
    meetings: meetingsCommand,
    // The same list under the name people also type.
    sprints: { ...meetingsCommand, hidden: true },
  },
  actions: [schedulingActions, findTimeActions],
  formerActionIds: {
    'mt.x': 'meet.cancel',
    'mt.r': 'meet.move',
    'mt.c': 'meet.cant',
    'mt.h': 'meet.held',
    'mt.xc': 'meet.confirm',
  },
  forms: schedulingForms,
  timers: {
    [MEETING_REMIND_TIMER]: timer(reminderPayload, (db, deps, payload, _timer, now) =>
      runReminder(db, deps, payload, now),
    ),
    [MEETING_AFTER_TIMER]: timer(meetingTimerPayload, (db, deps, payload, _timer, now) =>
      runAfterMeeting(db, deps, payload, now),
    ),
  },
  jobs: {
    nudges: {
      // Daily, mid-morning in the organisation's zone; a missed day simply runs the next one.
      // Content's invitation to tell a story rides the same daily pass, as it always has.
      schedule: () => '0 10 * * *',
      async run(deps, now) {
        await runNudges(deps, now);
        await runStoryInvites(deps, now);
        deps.outbox.kick();
      },
    },
  },
  messages: { en, ru },
} satisfies Feature;
