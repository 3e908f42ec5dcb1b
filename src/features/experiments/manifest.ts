import { timer } from '../../jobs/types';
import type { Feature } from '../feature';
import { experimentActions, ideaCommand, ideasCommand } from './commands';
import { en } from './en';
import { IDEA_FORM, ideaForm } from './idea-form';
import {
  OUTCOME_FORM,
  outcomeForm,
  PARK_FORM,
  parkForm,
  SPONSOR_FORM,
  sponsorForm,
} from './review-forms';
import { ru } from './ru';
import { EXPERIMENT_CHECK_TIMER, experimentCheckPayload, runExperimentCheck } from './service';

/** The forms this feature asks, by id (their ids also type the form engine). */
export const experimentForms = {
  [IDEA_FORM]: ideaForm,
  [SPONSOR_FORM]: sponsorForm,
  [PARK_FORM]: parkForm,
  [OUTCOME_FORM]: outcomeForm,
};

/** Ideas, their sponsors, pilots and outcomes. */
export const experiments = {
  name: 'idea',
  commands: { idea: ideaCommand, ideas: ideasCommand },
  actions: [experimentActions],
  formerActionIds: { xs: 'idea.sponsor', xp: 'idea.park', xo: 'idea.outcome' },
  forms: experimentForms,
  timers: {
    [EXPERIMENT_CHECK_TIMER]: timer(experimentCheckPayload, (db, deps, payload, _timer, now) =>
      runExperimentCheck(db, deps, payload, now),
    ),
  },
  messages: { en, ru },
} satisfies Feature;
