/** The experiments (ideas) feature's English texts; ru.ts must match them (checked by the compiler). */
/** What a sponsor (or HR) reads of an idea before deciding. */
type IdeaCard = { name: string; title: string; hypothesis: string; test: string; measure: string };

export const en = {
  'cmd.idea': 'propose an experiment: test an idea small instead of a long meeting',
  'cmd.ideas': 'ideas of your pairs and where they stand',
  'idea.form.title': 'An idea to test',
  'idea.form.submit': 'Propose it',
  'idea.field.title': 'A short title',
  'idea.hint.title': 'e.g. “Reels for the new card”.',
  'idea.field.hypothesis': 'What do you believe will happen?',
  'idea.hint.hypothesis': 'e.g. “A 20-second Reel brings more sign-ups under 25 than the banner”.',
  'idea.field.test': 'What is the smallest test?',
  'idea.hint.test': 'e.g. “Two Reels for one week, €100 budget, next to the usual banner”.',
  'idea.field.measure': 'How will we measure it?',
  'idea.hint.measure': 'e.g. “sign-ups under 25 per day, Reel vs banner”.',
  'idea.error.measure':
    'Name something countable or checkable — e.g. “sign-ups per day” rather than “see if people like it”.',
  'idea.savedAsked':
    'Idea saved — your senior partner has been asked to sponsor a pilot or park it.',
  'idea.savedForHr': 'Idea saved. HR can sponsor a pilot or park it; see /ideas.',
  'idea.cancelledForm': 'No idea was saved.',
  'idea.askSponsor': (p: IdeaCard) =>
    `${p.name} proposes an experiment: “${p.title}”\nHypothesis: ${p.hypothesis}\nSmallest test: ${p.test}\nMeasured by: ${p.measure}\nSponsor a small pilot, or park it with a reason?`,
  'idea.askHr': (p: IdeaCard) =>
    `${p.name} proposes an experiment, with no senior partner to sponsor it — so it is HR's call: “${p.title}”\nHypothesis: ${p.hypothesis}\nSmallest test: ${p.test}\nMeasured by: ${p.measure}\nSponsor a small pilot, or park it with a reason?`,
  'idea.button.sponsor': 'Sponsor a pilot',
  'idea.button.park': 'Park it',
  'idea.sponsor.title': 'Sponsor a pilot',
  'idea.sponsor.submit': 'Sponsor',
  'idea.field.check': 'When should we look at the result? (a date)',
  'idea.hint.check': 'A week or two is usually enough for a small test.',
  'idea.error.checkPast': 'Pick a day after today.',
  'idea.error.checkFar': (p: { days: number }) =>
    `Keep it short: pick a day within ${p.days} days. A small test answers quickly.`,
  'idea.park.title': 'Park the idea',
  'idea.park.submit': 'Park it',
  'idea.field.reason': 'Why park it for now?',
  'idea.hint.reason':
    'The author reads this, e.g. “Budget frozen until March — bring it back then”.',
  'idea.reviewDoneOwn': 'Done — your idea is updated.',
  'idea.reviewDone': 'Done — the author has been told.',
  'idea.notAllowed': 'Only the author’s senior partner or HR can decide on this idea.',
  'idea.notOpen': 'That idea is not waiting for this any more.',
  'idea.sponsored': (p: { name: string; title: string; date: string }) =>
    `${p.name} sponsors a pilot of “${p.title}”. We’ll look at the result on ${p.date}.`,
  'idea.parked': (p: { name: string; title: string; reason: string }) =>
    `${p.name} parked “${p.title}” for now: ${p.reason}`,
  'idea.checkAsk': (p: { title: string; measure: string }) =>
    `Check date for the pilot “${p.title}”. Measured by: ${p.measure}. How did it go?`,
  'idea.outcomeForm.title': 'The pilot’s outcome',
  'idea.outcomeForm.submit': 'Save',
  'idea.field.note': 'In a sentence or two: what happened?',
  'idea.hint.note': 'e.g. “Reels brought 3× the sign-ups of the banner at half the cost”.',
  'idea.outcomeSaved': 'Saved — it goes into the weekly digest and the HR summary.',
  'idea.noneWaiting': (p: { n: number; export: string }) =>
    `No idea is waiting for a decision. ${p.n === 1 ? 'One idea is' : `${p.n} ideas are`} sponsored, parked or done: ${p.export} has them all.`,
  'idea.listNone': (p: { idea: string }) => `No ideas yet. Propose one with ${p.idea}.`,
  'idea.line': (p: {
    title: string;
    author: string;
    status: string;
    hypothesis: string;
    test: string;
    measure: string;
  }) =>
    `“${p.title}” by ${p.author} — ${p.status}\nHypothesis: ${p.hypothesis}\nSmallest test: ${p.test}\nMeasured by: ${p.measure}`,
  'idea.checkLine': (p: { date: string }) => `Check date: ${p.date}`,
  'idea.status.proposed': 'waiting for a decision',
  'idea.status.piloting': 'piloting',
  'idea.status.parked': 'parked',
  'idea.status.concluded': 'concluded',
  'idea.outcomeLine': (p: { name: string; outcome: string; note: string }) =>
    `${p.name}: ${p.outcome} — ${p.note}`,
  'idea.parkedLine': (p: { reason: string }) => `Parked: ${p.reason}`,
};
