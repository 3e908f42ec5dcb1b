import { decimalEn as decimal, people } from '../../core/i18n/words';
import type { MeetingKind } from '../../db/schema/meetings';

/** The feedback feature's English texts; ru.ts must match them (checked by the compiler). */
export const en = {
  'cmd.feedback': 'HR: the polls of the last weeks, aggregated and anonymous',
  'feedback.ask': (p: { topic: string; kind: MeetingKind; named: boolean }) =>
    `How useful was ${p.named ? `“${p.topic}”` : `this ${p.kind === 'sprint' ? 'sprint' : 'meeting'}`} for you? One tap is enough (1 = not at all, 5 = very). Your rating is private: your partner never sees it, and HR only sees averages of several people.`,
  'feedback.saved': (p: { rating: number }) =>
    `Thank you — saved: ${p.rating}/5. You can change it within 24 hours, or add what you learned and a private note for HR.`,
  'feedback.updated': (p: { rating: number }) => `Changed to ${p.rating}/5.`,
  'feedback.button.notes': 'Add a note',
  'feedback.locked':
    'Answers can be changed for 24 hours and until the week’s summary; this one is now final.',
  'feedback.notHeld': 'This poll is only for sessions that took place.',
  'feedback.invalidRating': 'Please pick a rating from 1 to 5.',
  'feedback.form.title': 'About this session',
  'feedback.form.submit': 'Save',
  'feedback.field.learned': 'What did you learn or teach? (optional)',
  'feedback.hint.learned': 'e.g. “how to write a prompt that drafts a report”.',
  'feedback.field.note': 'A private note for HR (optional)',
  'feedback.hint.note': 'Only HR reads it, and without your name unless you say so next.',
  'feedback.field.named': 'May HR see your name next to the note?',
  'feedback.named.no': 'No, keep it anonymous',
  'feedback.named.yes': 'Yes, show my name',
  'feedback.notesSaved': 'Saved, thank you.',
  'feedback.notesCancelled': 'Nothing was added; your rating stays as it was.',
  'fit.ask': (p: { name: string }) =>
    `After your first session: how is the pairing with ${p.name} working?`,
  'fit.good': 'Good fit',
  'fit.unsure': 'Not sure yet',
  'fit.bad': 'Not a good fit',
  'fit.thanks.good': 'Great to hear — keep going!',
  'fit.thanks.unsure': 'Thanks. Give it another session or two; you can tell me later.',
  'fit.offerRepair':
    'Thanks for saying so. Would you like a new partner in the next round? This pair would end kindly: your partner only hears that the pair is closing, not who asked or why.',
  'fit.askRepair':
    'Would you like a new partner in the next round? This pair would end kindly: your partner only hears that the pair is closing, not who asked or why.',
  'fit.button.notWorking': (p: { name: string }) => `Not working out with ${p.name}?`,
  'fit.button.repair': 'Yes, find me a new partner',
  'fit.button.keep': 'No, let’s keep going',
  'fit.kept': 'Alright, the pair continues. If that changes, /pair has a button for it.',
  'fit.repairDone': 'Done. You are back in the pool for the next round.',
  'fit.closed': 'That pair is no longer active.',
  'fit.pairClosing': (p: { name: string }) =>
    `Your pair with ${p.name} is closing, so that each of you can get a partner who fits even better in the next round. Thank you for the sessions!`,
  'feedbackHr.title': (p: { weeks: number }) =>
    p.weeks === 1 ? 'Feedback, last complete week' : `Feedback, last ${p.weeks} complete weeks`,
  'feedbackHr.usefulness': (p: { value: number; people: number }) =>
    `Usefulness: ${decimal(p.value)} / 5 (${p.people} people)`,
  'feedbackHr.fit': (p: { good: number; unsure: number; bad: number; people: number }) =>
    `Pairing fit: ${p.good} good, ${p.unsure} not sure, ${p.bad} not a good fit (${p.people} people)`,
  'feedbackHr.what.fit': 'Pairing fit',
  'feedbackHr.learned': 'What people learned or taught:',
  'feedbackHr.notes': 'Notes for HR:',
  'feedbackHr.usage': (p: { command: string }) => `Usage: ${p.command} [weeks, 1–52]`,
  'survey.invite':
    'The program is coming to an end — thank you for taking part! Two minutes for the final survey? Your answers reach HR only as averages of several people.',
  'survey.button.start': 'Take the survey',
  'survey.form.title': 'Final survey',
  'survey.form.submit': 'Send',
  'survey.field.overall': 'Overall, how was the program for you? (1–5)',
  'survey.field.nps': 'Would you recommend reverse mentoring to a colleague? (0–10)',
  'survey.hint.nps': '0 = not at all, 10 = absolutely.',
  'survey.field.changed': 'What changed for you? (optional)',
  'survey.hint.changed': 'e.g. “I now use AI for first drafts every week”.',
  'survey.field.share': 'May we tell your story (with your name) in the content channel?',
  'survey.share.no': 'No, thanks',
  'survey.share.yes': 'Yes, happy to share',
  'survey.thanks':
    'Thank you! Your answers are saved; you can change them by pressing the button again.',
  'survey.thanksShare': (p: { story: string }) =>
    `Thank you! Tell your story in a few lines with ${p.story} — HR reviews it before anything is published.`,
  'survey.cancelled': 'Nothing was sent. The survey button stays in your messages.',
  'survey.closed': 'That survey is closed.',
  'feedbackHr.overall': (p: { value: number; people: number }) =>
    `Program overall: ${decimal(p.value)} / 5 (${p.people} people)`,
  'feedbackHr.what.overall': 'Program overall',
  'feedbackHr.changed': 'What changed for people:',
  'survey.confirm': (p: { fresh: number; already: number }) =>
    `Send the final survey to ${people(p.fresh)} who ${p.fresh === 1 ? 'was' : 'were'} in a pair? (${p.already} already ${p.already === 1 ? 'has' : 'have'} it.) Use this when the program is ending.`,
  'survey.button.send': (p: { n: number }) => `Send to ${p.n}`,
  'survey.nobodyNew': (p: { already: number }) =>
    `Everyone who was in a pair (${p.already}) already has the survey; nothing to send.`,
  'survey.final':
    'Your answers were already counted in a weekly summary, so they can no longer be changed. Thank you!',
};
