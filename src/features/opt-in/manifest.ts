import { timer } from '../../jobs/types';
import type { Feature } from '../feature';
import { en } from './en';
import { guideActions } from './guide';
import { cancelCommand } from './help';
import { joinCommand, profileActions, profileCommand } from './join';
import { langActions, langCommand } from './lang';
import {
  erasePayload,
  LEAVE_ERASE_TIMER,
  leaveActions,
  leaveCommand,
  runLeaveErase,
} from './leave';
import { menuCommand } from './menu';
import { mydataCommand } from './mydata';
import {
  PAUSE_RESUME_TIMER,
  pauseCommand,
  pauseResumePayload,
  resumeCommand,
  runPauseResume,
} from './pause';
import { PROFILE_FORM, profileForm } from './profile-form';
import { ru } from './ru';

/** The forms this feature asks, by id (their ids also type the form engine). */
export const optInForms = { [PROFILE_FORM]: profileForm };

/** Joining, the profile, the guide, language, pausing, one's data and leaving. */
export const optIn = {
  name: 'optin',
  commands: {
    join: joinCommand,
    profile: profileCommand,
    pause: pauseCommand,
    resume: resumeCommand,
    lang: langCommand,
    mydata: mydataCommand,
    leave: leaveCommand,
    cancel: cancelCommand,
    menu: menuCommand,
  },
  actions: [guideActions, profileActions, leaveActions, langActions],
  formerActionIds: {
    'join.start': 'optin.join',
    'guide.read': 'optin.read',
    'guide.show': 'optin.guide',
    'profile.edit': 'optin.edit',
    'profile.show': 'optin.profile',
    'lang.set': 'optin.lang',
    'leave.yes': 'optin.leave',
    'leave.no': 'optin.stay',
  },
  forms: optInForms,
  timers: {
    [PAUSE_RESUME_TIMER]: timer(pauseResumePayload, runPauseResume),
    [LEAVE_ERASE_TIMER]: timer(erasePayload, runLeaveErase),
  },
  messages: { en, ru },
} satisfies Feature;
