import type { Feature } from '../feature';
import { en } from './en';
import { FINAL_SURVEY_FORM, finalSurveyForm } from './final-survey';
import { feedbackCommand } from './hr-view';
import { FEEDBACK_NOTES_FORM, feedbackNotesForm } from './notes-form';
import { feedbackActions } from './poll';
import { ru } from './ru';
import { surveyActions } from './survey-actions';

/** The forms this feature asks, by id (their ids also type the form engine). */
export const feedbackForms = {
  [FEEDBACK_NOTES_FORM]: feedbackNotesForm,
  [FINAL_SURVEY_FORM]: finalSurveyForm,
};

/** The poll after a session, the fit question, the final survey and HR's view of them. */
export const feedback = {
  name: 'fb',
  commands: { feedback: feedbackCommand },
  actions: [feedbackActions, surveyActions],
  formerActionIds: {
    fr: 'fb.rate',
    fn: 'fb.note',
    ff: 'fb.fit',
    fx: 'fb.refit',
    sv: 'fb.survey',
  },
  forms: feedbackForms,
  messages: { en, ru },
} satisfies Feature;
