import { FormEngine } from '../core/forms/engine';
import { STORY_EDIT_FORM, STORY_REJECT_FORM } from './content/stories';
import { STORY_FORM, storyEditForm, storyForm, storyRejectForm } from './content/story-forms';
import { IDEA_FORM, ideaForm } from './experiments/idea-form';
import {
  OUTCOME_FORM,
  outcomeForm,
  PARK_FORM,
  parkForm,
  SPONSOR_FORM,
  sponsorForm,
} from './experiments/review-forms';
import { FINAL_SURVEY_FORM, finalSurveyForm } from './feedback/final-survey';
import { FEEDBACK_NOTES_FORM, feedbackNotesForm } from './feedback/notes-form';
import { GOAL_FORM, goalForm } from './goals/goal-form';
import { PROFILE_FORM, profileForm } from './opt-in/profile-form';
import { MEETING_FORM, meetingForm } from './scheduling/meeting-form';

/** Every form the bot can ask, by id. State lives in the database, so one engine serves all. */
export const forms = new FormEngine({
  [PROFILE_FORM]: profileForm,
  [MEETING_FORM]: meetingForm,
  [GOAL_FORM]: goalForm,
  [FEEDBACK_NOTES_FORM]: feedbackNotesForm,
  [FINAL_SURVEY_FORM]: finalSurveyForm,
  [IDEA_FORM]: ideaForm,
  [SPONSOR_FORM]: sponsorForm,
  [PARK_FORM]: parkForm,
  [OUTCOME_FORM]: outcomeForm,
  [STORY_FORM]: storyForm,
  [STORY_EDIT_FORM]: storyEditForm,
  [STORY_REJECT_FORM]: storyRejectForm,
});
