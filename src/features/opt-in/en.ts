/** The opt-in feature's English texts; ru.ts must match them (checked by the compiler). */
export const en = {
  'cmd.start': 'start: what Tandem is and how to begin',
  'cmd.help': 'what reverse mentoring is and how Tandem works',
  'cmd.join': 'volunteer: fill in your profile',
  'cmd.profile': 'see or edit your profile (/profile edit)',
  'cmd.pause': 'take a break for a few weeks (/pause 3)',
  'cmd.resume': 'come back from a break',
  'cmd.lang': 'language of my messages (/lang ru, /lang en)',
  'cmd.mydata': 'download everything stored about you',
  'cmd.leave': 'leave the program and delete your data',
  'cmd.cancel': 'stop the form you are filling in',

  'help.title': 'Tandem — reverse mentoring',
  'help.greeting': (p: { name: string }) => `Hi, ${p.name}!`,
  'help.what':
    'Reverse mentoring turns the usual direction around: a younger colleague teaches a senior one what they know better — AI tools, digital tools, social media, messenger etiquette, what Gen Z customers expect. Both sides learn: leaders get new skills and a fresh view, juniors get visibility and a voice.',
  'help.how':
    'How it works: 1) volunteer with /join and read the short preparation guide; 2) I pair you with someone whose skills and interests fit; 3) you meet in short sprints on concrete tasks and set goals together; 4) a one-tap poll after meetings keeps the program useful. Taking part is voluntary, and you can pause or leave at any time.',
  'help.one': (p: { line: string; help: string }) =>
    `${p.line}\n\n${p.help} alone lists everything I can do.`,
  'help.noSuch': (p: { name: string }) =>
    `There is no command “${p.name}” that you can use — here is everything:`,
  'help.commands': 'Commands:',
  'help.groupNote': 'Personal commands work in a direct message with me.',
  'help.button.join': 'Join the program',
  'help.button.guide': 'Preparation guide',

  'join.intro':
    "Great — let's set up your profile. It's a few short questions (about two minutes). You can go back or cancel at any step.",
  'join.form.title': 'Your profile',
  'join.form.submit': 'Save',
  'join.cancelled':
    "Cancelled — you haven't joined and nothing was saved. Type /join whenever you're ready.",
  'join.welcome': (p: { name: string }) =>
    `Welcome to the program${p.name ? `, ${p.name}` : ''}! Your profile is saved. One last step: please read the preparation guide below.`,
  'join.already': "You're already in the program. Would you like to see or edit your profile?",

  'profile.field.role': 'What would you like to do in the program?',
  'profile.field.grade': 'What is your level in the company?',
  'profile.field.department': 'Which department or team are you in?',
  'profile.field.teach': 'Which topics can you teach?',
  'profile.field.learn': 'Which topics would you like to learn?',
  'profile.field.interests':
    'Your interests and hobbies (they help you get along with your partner).',
  'profile.field.formats': 'Which formats suit you?',
  'profile.field.capacity': 'How many mentees can you take at once?',
  'profile.field.timeZone': 'Your time zone?',
  'profile.field.language': 'Which language should I use with you?',
  'profile.field.consent':
    'Do you agree to take part and to let Tandem store your profile to find you a partner? You can leave and delete everything with /leave at any time.',
  'profile.hint.grade':
    'In reverse mentoring the mentor is the junior: mentors teach colleagues of a higher level.',
  'profile.hint.gradeMentor': 'You will teach colleagues of a higher level than yours.',
  'profile.hint.gradeMentee':
    'Your mentor will be a colleague of a lower level — that is what reverse mentoring is.',
  'profile.hint.gradeBoth':
    'You will teach colleagues above your level and learn from colleagues below it.',
  'profile.hint.department': 'For example: Sales, IT, Marketing.',
  'profile.hint.pickSeveral': 'Pick as many as you like, then press Done.',
  'profile.hint.interests':
    'Separate them with commas, e.g. running, chess, jazz. You can skip this.',
  'profile.hint.timeZone': 'Or type your city or zone, e.g. Moscow, MSK, Asia/Tokyo or +5.',
  'profile.hint.consent': 'Your individual ratings are never shown to your partner or to HR.',
  'profile.consent.yes': 'I agree',
  'profile.error.timeZone':
    'I don’t know that time zone. Pick one above, or type a city I know (Moscow, Kaliningrad, Yekaterinburg, Novosibirsk, London, Berlin, Dubai, New York), an abbreviation (MSK, CET, EST), a zone like Asia/Tokyo, or an offset like +5.',
  'profile.error.interests':
    'Please list at most 10 interests in words, each under 40 characters, separated by commas.',
  'profile.role.mentor': 'Teach (mentor)',
  'profile.role.mentee': 'Learn (mentee)',
  'profile.role.both': 'Both teach and learn',
  'profile.format.one_on_one': 'One-on-one',
  'profile.format.group': 'Group',
  'profile.format.long_term': 'Long-term pair',
  'profile.format.sprint': '2-hour sprint on one task',
  'profile.title': 'Your profile',
  'profile.none': '—',
  'profile.label.role': 'Role',
  'profile.label.grade': 'Level',
  'profile.label.department': 'Department',
  'profile.label.teach': 'I can teach',
  'profile.label.learn': 'I want to learn',
  'profile.label.interests': 'Interests',
  'profile.label.formats': 'Formats',
  'profile.label.capacity': 'Mentees at once',
  'profile.label.timeZone': 'Time zone',
  'profile.label.language': 'Language',
  'profile.label.status': 'Status',
  'profile.status.paired': (p: { names: string }) => `in a pair with ${p.names}`,
  'profile.status.pairedRoom': (p: { names: string }) =>
    `in a pair with ${p.names}; room for more in the next round`,
  'profile.status.ready': 'ready for matching',
  'profile.status.notPrepared': 'please read the preparation guide to be matched',
  'profile.status.paused': (p: { until: string }) => `on a break until ${p.until}`,
  'profile.button.edit': 'Edit profile',
  'profile.button.show': 'Show profile',
  'profile.button.guide': 'Preparation guide',
  'profile.usage': 'Use /profile to see your profile or /profile edit to change it.',
  'profile.editIntro': 'Let’s update your profile. Press “Keep” to leave an answer as it is.',
  'profile.editCancelled': 'Cancelled — your profile is unchanged.',
  'profile.roleKeepsPair': (p: { names: string }) =>
    `Your pair with ${p.names} goes on: a new role doesn't end it, and applies from the next round. /pair shows it; to close it, ask HR.`,
  'profile.lowestMentee':
    "Note: in reverse mentoring your mentor is a colleague of a lower level than yours, and at level 1 there is none — so you won't be matched as a mentee. You could teach instead: /profile edit changes your role.",
  'profile.lowestBoth':
    "Note: at level 1 no colleague is junior to you, so you'll be matched only as a mentor (teaching colleagues above you).",
  'profile.updated': 'Your profile is updated.',

  'guide.title': 'Preparation guide',
  'guide.roles':
    'Roles. The mentor is whoever knows the topic better — often the younger colleague. The mentee brings a concrete task and curiosity. In the room there is no hierarchy: the mentor leads, the mentee asks.',
  'guide.rules':
    'Ground rules. 1) Agree on one concrete task per sprint and keep it to about two hours. 2) What is said in the pair stays in the pair. 3) Show, then let your partner try — on their own device. 4) No question is silly; no one is graded. 5) If a meeting can’t happen, say so early and book another.',
  'guide.feedback':
    'Giving feedback. Be specific: describe the situation, what the person did, and its effect. Ask before advising (“may I suggest something?”). Share what worked before what to change. After each meeting a one-tap poll asks how useful it was — your answer is private.',
  'guide.button.read': "I've read it",
  'guide.prepared': 'Thank you! You are ready: you’ll be included in the next matching round.',
  'guide.alreadyPrepared': 'You have already read the guide — you are all set.',

  'lang.name.en': 'English',
  'lang.name.ru': 'Русский',
  'lang.current': (p: { name: string }) => `I write to you in ${p.name}. Choose a language:`,
  'lang.done': 'Done — I’ll write to you in English.',
  'lang.usage': 'Use /lang en or /lang ru.',

  'pause.usage': (p: { max: number }) =>
    `Use /pause to take two weeks off, or /pause N for N weeks (1 to ${p.max}).`,
  'pause.done': (p: { weeks: number; until: string }) =>
    `You're on a break for ${p.weeks} ${p.weeks === 1 ? 'week' : 'weeks'} (until ${p.until}): no new matches and no nudges until then, and you'll be back automatically. Sessions already booked stay booked, with their reminders. Type /resume to come back earlier.`,
  'pause.proposalOpen': (p: { names: string }) =>
    `Your proposal with ${p.names} is still waiting for your answer; the break doesn't withdraw it. Accept it to start together (sessions can wait until you're back), or decline it.`,
  'pause.changed': (p: { weeks: number; until: string }) =>
    `You were already on a break; it now ends in ${p.weeks} ${p.weeks === 1 ? 'week' : 'weeks'}, on ${p.until}. Type /resume to come back earlier.`,
  'pause.bookedInBreak': 'Booked during your break — these stay, and I will remind you of them:',
  'pause.bookedHowToCancel':
    'To call one off, press its button below (or Cancel on its invite); your partner is told.',
  'pause.button.cancel': (p: { day: string }) => `Cancel ${p.day}`,
  'pause.partnerNotice': (p: { name: string; until: string }) =>
    `${p.name} is on a break from the program until ${p.until}: no nudges for your pair until then. Sessions you have booked together stay booked.`,
  'resume.notPaused': "You're not on a break, so there is nothing to resume.",
  'resume.done': "Welcome back! You're included in matching again.",
  'resume.partnerNotice': (p: { name: string }) =>
    `${p.name} is back from their break early: nudges for your pair start again, so it's a good moment to plan your next session.`,
  'resume.auto':
    "Your break is over — welcome back! You're included in matching again. Type /pause if you need more time.",

  'leave.notJoined':
    "You're not in the program, so there is nothing to leave. (/mydata shows the little I keep to reply to you.)",
  'leave.confirmTitle': 'Leave the program?',
  'leave.confirm':
    'This deletes your profile and everything stored about you. Your partner (if you have one) will be told politely, and future meetings will be cancelled. The goals and sessions you had together stay with your partner, without your name; anonymous feedback stays only as aggregates. This cannot be undone.',
  'leave.role.hr': 'Your HR role goes too: if you come back, an admin will need to grant it again.',
  'leave.role.admin':
    'Your admin role goes too: if you come back, another admin will need to grant it again.',
  'leave.button.yes': 'Yes, leave and delete my data',
  'leave.button.no': 'No, stay',
  'leave.done':
    'Done — you have left the program and your data is deleted. Thank you for taking part! You can /join again at any time.',
  'leave.stale':
    'You answered that question already: you stayed, and nothing was deleted. To leave after all, send /leave again.',
  'leave.kept': 'Good to have you — nothing has changed.',

  'mydata.intro': 'Here is everything Tandem stores about you, as a JSON file.',
  'mydata.caption': 'Your data in Tandem',

  'menu.text': 'What would you like to do?',
  'menu.join': 'Join the program',
  'menu.help': 'How it works',
  'menu.lang': 'Language',
  'menu.profile': 'My profile',
  'menu.pause': 'Take a break',
  'menu.resume': 'Come back',
  'menu.mydata': 'My data',
  'menu.leave': 'Leave',
  'home.profile': 'Your profile',
  'home.notJoined':
    "You haven't joined yet. Reverse mentoring pairs you with a colleague: juniors teach seniors what they know better. Joining takes two minutes.",
  'home.pair': 'Your pair',
  'home.pair.notJoined': 'Join the program to be matched with a partner.',
  'home.pair.notPrepared':
    'Read the preparation guide (/profile) to be included in the next matching round.',
  'home.pair.none': "No partner yet — you'll get a proposal at the next matching round.",
  'home.pair.proposed': 'Not yet — a proposal below is waiting for your answer.',
  'home.proposal': 'Waiting for your answer',
  'home.meeting': 'Next meeting',
  'home.meeting.none': 'Nothing booked yet.',
  'cancel.nothing': "There's nothing to cancel right now.",

  // Working hours on the profile (#17).
  'hours.field.hours': 'When do you usually work (in your time zone)?',
  'hours.hint.hours': 'Meeting times are suggested within these hours.',
  'hours.option.custom': 'Other days or hours',
  'hours.field.days': 'Which days do you work?',
  'hours.field.start': 'When does your working day start?',
  'hours.field.end': 'When does your working day end?',
  'hours.hint.clock': 'Pick one or type a time, e.g. 08:30.',
  'hours.error.clock': 'Please pick a time or type it as HH:MM, e.g. 08:30.',
  'hours.hint.clockEnd': 'Pick one or type a time, e.g. 17:30.',
  'hours.error.clockEnd': 'Please pick a time or type it as HH:MM, e.g. 17:30.',
  'hours.error.endBeforeStart': (p: { start: string }) =>
    `The day can't end before it starts: please pick an end after ${p.start}.`,
  'hours.label': 'Working hours',
  'hours.day.1': 'Mon',
  'hours.day.2': 'Tue',
  'hours.day.3': 'Wed',
  'hours.day.4': 'Thu',
  'hours.day.5': 'Fri',
  'hours.day.6': 'Sat',
  'hours.day.7': 'Sun',
  'hours.dayLong.1': 'Monday',
  'hours.dayLong.2': 'Tuesday',
  'hours.dayLong.3': 'Wednesday',
  'hours.dayLong.4': 'Thursday',
  'hours.dayLong.5': 'Friday',
  'hours.dayLong.6': 'Saturday',
  'hours.dayLong.7': 'Sunday',
};
