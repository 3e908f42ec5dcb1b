/** The goals feature's English texts; ru.ts must match them (checked by the compiler). */
export const en = {
  'cmd.goal': 'set a SMART goal with your partner',
  'cmd.goals': "your pair's goals and progress",
  'goal.form.title': 'A goal for your pair',
  'goal.form.submit': 'Save the goal',
  'goal.field.partner': 'With whom?',
  'goal.field.specific': 'What exactly will you do?',
  'goal.hint.specific':
    'One concrete thing, e.g. “Set up an AI assistant that drafts my weekly report”.',
  'goal.field.measure': 'How will you know it is done?',
  'goal.hint.measure':
    'Something you can count or check, e.g. “3 weekly reports drafted by the assistant” or “the bot is set up and I use it without help”.',
  'goal.field.deadline': 'By when? (a date)',
  'goal.hint.deadline': 'Pick a day a few weeks ahead — short enough to keep the pace.',
  'goal.field.relevant': 'Why does it matter to you?',
  'goal.hint.relevant': 'e.g. “I spend 2 hours on the report every Friday”.',
  'goal.field.achievable': 'Can you do this by then, with your partner’s help?',
  'goal.achievable.yes': 'Yes',
  'goal.achievable.no': 'Not sure',
  'goal.error.measure':
    'That is hard to check. Name something countable or checkable — e.g. “3 reports drafted by the assistant” rather than “get better at AI”.',
  'goal.error.past': 'That day has already passed. Pick a date ahead, e.g. four weeks from today.',
  'goal.error.beyondProgram': (p: { end: string }) =>
    `That is after the program ends (${p.end}). Pick an earlier date — a smaller goal is fine.`,
  'goal.error.notAchievable':
    'Then let’s make it smaller until the answer is yes — e.g. “draft one report with the assistant” instead of “automate all reporting”.',
  'goal.needPair': 'Goals are set within a pair — once you have a partner, try again.',
  'goal.saved': (p: { goals: string }) =>
    `Goal saved. Your partner can see it; move it along with ${p.goals}. I’ll remind you a few days before the deadline.`,
  'goal.cancelledForm': 'No goal was saved.',
  'goal.partnerNew': (p: { name: string; goal: string }) =>
    `${p.name} set a new goal: “${p.goal}”.`,
  'goal.partnerProgress': (p: { name: string; goal: string; bar: string }) =>
    `${p.name} moved “${p.goal}”: ${p.bar}`,
  'goal.partnerDone': (p: { name: string; goal: string }) =>
    `${p.name} reached the goal “${p.goal}” 🎉`,
  'goal.listNone': (p: { goal: string }) => `No goals yet. Set the first one with ${p.goal}.`,
  'goal.listNoneDrafting': (p: { goal: string }) =>
    `No goals saved yet: the one you started is still open. Type ${p.goal} to go on with it.`,
  'goal.listTitle': (p: { n: number }) => `Goals of your pair (${p.n}):`,
  'goal.listTitlePast': (p: { n: number }) =>
    `Goals of your past pair, kept as they were (${p.n}):`,
  'goal.you': 'You',
  'goal.line': (p: {
    owner: string;
    goal: string;
    bar: string;
    measure: string;
    deadline: string;
  }) => `${p.owner}: ${p.goal}\n${p.bar}\nDone when: ${p.measure}\nBy ${p.deadline}`,
  'goal.lineDone': (p: {
    owner: string;
    goal: string;
    bar: string;
    measure: string;
    deadline: string;
  }) => `✅ ${p.owner}: ${p.goal}\nDone when: ${p.measure} (deadline ${p.deadline})`,
  'goal.overdue': 'The deadline has passed.',
  'goal.overdueOwn': (p: { goal: string }) =>
    `The deadline has passed. Reached it after all? Press Done ✓. If not, set the next step as a new goal: ${p.goal}.`,
  'goal.button.done': 'Done ✓',
  'goal.progressSaved': 'Progress saved; your partner has been told.',
  'goal.unchanged': 'It is already there.',
  'goal.notYours': 'Only the person who set a goal can move it.',
  'goal.doneAlready': 'That goal is already done.',
  'goal.invalidStep': 'Progress goes in steps: 0, 25, 50, 75 or 100 %.',
  'goal.pairEnded':
    'That pair has ended, so its goals stay as they were — they can no longer be moved.',
  'goal.reminder': (p: { goal: string; deadline: string; bar: string }) =>
    `A few days left for “${p.goal}” (deadline ${p.deadline}). Where are you now?\n${p.bar}`,
  'goal.reminderLate': (p: { goal: string; deadline: string; bar: string }) =>
    `The deadline for “${p.goal}” (${p.deadline}) has passed. Where did you get to?\n${p.bar}`,
};
