import { timer } from '../../jobs/types';
import type { Feature } from '../feature';
import { meetCommand, meetingsCommand, schedulingActions, sprintCommand } from './commands';
import { MEETING_FORM, meetingForm } from './meeting-form';
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
  actions: [schedulingActions],
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
} satisfies Feature;
