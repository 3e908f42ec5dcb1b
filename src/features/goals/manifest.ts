import { timer } from '../../jobs/types';
import type { Feature } from '../feature';
import { goalActions, goalCommand, goalsCommand } from './commands';
import { en } from './en';
import { GOAL_FORM, goalForm } from './goal-form';
import { ru } from './ru';
import { GOAL_DEADLINE_TIMER, goalDeadlinePayload, runGoalReminder } from './service';

/** The forms this feature asks, by id (their ids also type the form engine). */
export const goalForms = { [GOAL_FORM]: goalForm };

/** A pair's goals, their progress and deadline reminders. */
export const goals = {
  name: 'goal',
  commands: { goal: goalCommand, goals: goalsCommand },
  actions: [goalActions],
  formerActionIds: { gp: 'goal.step' },
  forms: goalForms,
  timers: {
    [GOAL_DEADLINE_TIMER]: timer(goalDeadlinePayload, (db, deps, payload, _timer, now) =>
      runGoalReminder(db, deps, payload, now),
    ),
  },
  messages: { en, ru },
} satisfies Feature;
