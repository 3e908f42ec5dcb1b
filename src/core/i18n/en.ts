/**
 * English messages: the reference catalog. Every other language must have the same keys
 * and parameters (checked by the compiler). Text is plain; adapters escape it.
 * Commands are written as `/name`; the engine rewrites them to the platform's syntax.
 */
import { formatNumber } from '../format';

/** A mean or score as English writes it: "4.2". */
const decimal = (value: number) => formatNumber(value, 'en');
/** "1 person", "3 people". */
const people = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;
/** A channel Tandem cannot post in: its name or id, the setting that names it, the bot's handle. */
type ChannelParams = { channel: string; setting: string; bot: string };

export const en = {
  'error.generic':
    'Sorry, something went wrong on my side. Nothing was changed — please try again.',
  'text.notUnderstood': "I didn't catch that. I work with commands — type /help to see them.",

  'command.unknown': (p: { name: string }) =>
    `I don't know the command /${p.name}. Type /help to see what I can do.`,
  'command.unknownSuggest': (p: { name: string; suggestion: string }) =>
    `I don't know the command /${p.name}. Did you mean /${p.suggestion}?`,
  'command.noArgs': (p: { command: string }) =>
    `${p.command} takes nothing after it — just type ${p.command}.`,
  'command.notAllowed': 'Sorry, only HR and program admins can use this command.',
  'command.continueInDm':
    "That's personal, so let's continue in a direct message — I've written to you there.",

  'command.continueInPrivate':
    "That's personal, so let's continue in a private chat — press the button below.",
  'command.openPrivate': 'Continue in private',
  'action.expired': 'This button no longer works. Type /help to start again.',
  'action.notYours': 'This button was meant for someone else (or it has expired).',

  'form.step': (p: { n: number; total: number }) => `step ${p.n} of ${p.total}`,
  'form.button.done': '✓ Done',
  'form.button.keep': (p: { value: string }) => `Keep “${p.value}”`,
  'form.button.clear': 'Clear',
  'form.button.skip': 'Skip',
  'form.button.back': '← Back',
  'form.button.cancel': '✕ Cancel',
  'form.currentValue': (p: { value: string }) => `Current answer: ${p.value}`,
  'form.openPrompt': (p: { title: string }) =>
    `Your form “${p.title}” is ready — press the button to open it.`,
  'form.button.open': 'Open the form',
  'form.close': 'Cancel',
  'form.stale': 'That form is closed. Start it again with its command (see /help).',
  'form.earlierStep': "That button belongs to an earlier question. Here's where we are:",
  'form.cancelled': 'Cancelled. Nothing was saved.',
  'form.resumed': 'You have a form in progress — continuing where you left off.',
  'form.error.required': 'This one is required.',
  'form.error.invalid': "That answer doesn't fit here.",
  'form.error.pickOption': 'Please choose one of the options.',
  'form.error.pickAtLeast': (p: { min: number }) =>
    p.min === 1 ? 'Please choose at least one option.' : `Please choose at least ${p.min} options.`,
  'form.error.pickAtMost': (p: { max: number }) => `Please choose at most ${p.max} options.`,
  'form.error.controlChars': 'Please remove the invisible control characters from your answer.',
  'form.error.oneLine': 'Please keep this answer on one line.',
  'form.error.tooLong': (p: { max: number }) =>
    `That's too long — please keep it under ${p.max} characters.`,
  'form.error.tooShort': (p: { min: number }) =>
    p.min === 1 ? 'Please type an answer.' : `Please type at least ${p.min} characters.`,
  'form.error.notNumber': 'Please type a whole number.',
  'form.error.outOfRange': (p: { min: number; max: number }) =>
    `Please type a number from ${p.min} to ${p.max}.`,
  'form.error.notDate': (p: { example: string }) => `Please type a date, e.g. ${p.example}.`,
  'common.notJoined':
    "You haven't joined the program yet. Type /join to sign up — it takes two minutes.",

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
  'profile.hint.grade': 'Mentors are matched with colleagues of a higher level.',
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
    'Please list at most 10 interests, each under 40 characters, separated by commas.',
  'profile.role.mentor': 'Teach (mentor)',
  'profile.role.mentee': 'Learn (mentee)',
  'profile.role.both': 'Both teach and learn',
  'profile.grade.1': '1 — junior / intern',
  'profile.grade.2': '2 — specialist',
  'profile.grade.3': '3 — senior specialist',
  'profile.grade.4': '4 — manager',
  'profile.grade.5': '5 — executive',
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
  'profile.status.ready': 'ready for matching',
  'profile.status.notPrepared': 'please read the preparation guide to be matched',
  'profile.status.paused': (p: { until: string }) => `on a break until ${p.until}`,
  'profile.button.edit': 'Edit profile',
  'profile.button.show': 'Show profile',
  'profile.button.guide': 'Preparation guide',
  'profile.usage': 'Use /profile to see your profile or /profile edit to change it.',
  'profile.editIntro': 'Let’s update your profile. Press “Keep” to leave an answer as it is.',
  'profile.editCancelled': 'Cancelled — your profile is unchanged.',
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
  'resume.auto':
    "Your break is over — welcome back! You're included in matching again. Type /pause if you need more time.",

  'leave.notJoined':
    "You're not in the program, so there is nothing to leave. (/mydata shows the little I keep to reply to you.)",
  'leave.confirmTitle': 'Leave the program?',
  'leave.confirm':
    'This deletes your profile and everything stored about you. Your partner (if you have one) will be told politely, and future meetings will be cancelled. The goals and sessions you had together stay with your partner, without your name; anonymous feedback stays only as aggregates. This cannot be undone.',
  'leave.button.yes': 'Yes, leave and delete my data',
  'leave.button.no': 'No, stay',
  'leave.done':
    'Done — you have left the program and your data is deleted. Thank you for taking part! You can /join again at any time.',
  'leave.kept': 'Good to have you — nothing has changed.',

  'user.former': 'a former participant',
  'user.formerLabel': 'Former participant',

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

  'cmd.match': 'HR: run a matching round (/match preview, /match publish)',
  'cmd.admin':
    'HR: pair or unpair by hand, post content, send the final survey (/admin lists them)',
  'match.usage':
    'Use /match preview to see the proposed pairs, or /match publish to send the proposals.',
  'match.nobody': (p: { volunteers: number; paused: number; notPrepared: number; busy: number }) =>
    `No one can be matched right now. Volunteers: ${p.volunteers}; on a break: ${p.paused}; still to read the guide: ${p.notPrepared}; already paired or waiting for an answer: ${p.busy}.`,
  'match.previewTitle': 'Matching preview',
  'match.summary': (p: { pairs: number; groups: number; total: number; unmatched: number }) =>
    `${p.pairs} proposed ${p.pairs === 1 ? 'pair' : 'pairs'}${p.groups ? ` (${p.groups} in groups)` : ''}, total score ${p.total}; ${p.unmatched} not matched.`,
  'match.line': (p: {
    mentor: string;
    mentee: string;
    score: number;
    why: string;
    group: boolean;
  }) => `${p.mentor} → ${p.mentee}${p.group ? ' [group]' : ''} · score ${p.score}\n   ${p.why}`,
  'match.person': (p: { name: string; department: string; grade: number }) =>
    `${p.name} (${p.department}, L${p.grade})`,
  'match.why.topics': (p: { list: string }) => `teaches ${p.list}`,
  'match.why.interests': (p: { list: string }) => `shared interests: ${p.list}`,
  'match.why.apart': (p: { hours: number }) =>
    p.hours === 0 ? 'same time zone' : `${p.hours} h apart`,
  'match.unmatchedTitle': 'Not matched this round',
  'match.unmatchedLine': (p: { name: string; reasons: string }) => `${p.name}: ${p.reasons}`,
  'match.sideReason': (p: { side: string; reason: string }) => `as a ${p.side}, ${p.reason}`,
  'match.side.mentor': 'mentor',
  'match.side.mentee': 'mentee',
  'match.reason.no_topic_teacher': 'no mentor teaches the topics they want',
  'match.reason.no_junior':
    'everyone who teaches their topics is at their grade or above (a mentor must be more junior)',
  'match.reason.no_senior':
    'only colleagues at their grade or below want their topics (a mentee must be more senior)',
  'match.reason.no_fit':
    'possible partners differ in format or department, or were paired or declined before',
  'match.reason.capacity_full': 'the fitting partners are taken by closer matches',
  'match.reason.no_demand': 'no one wants their topics right now',
  'match.reason.paused': 'on a break',
  'match.reason.not_prepared': 'has not read the preparation guide',
  'match.previewFooter': 'Nothing has been sent. /match publish sends these proposals.',
  'match.optimal': (p: { added: number }) =>
    p.added === 0
      ? 'Optimal: no other pairing scores higher (checked against every eligible pair; the check added no pairs).'
      : `Optimal: no other pairing scores higher (the check added ${p.added} ${p.added === 1 ? 'pair' : 'pairs'}).`,
  'match.published': (p: { proposals: number; unmatched: number; hours: number }) =>
    `Sent ${p.proposals} ${p.proposals === 1 ? 'proposal' : 'proposals'}; ${people(p.unmatched)} ${p.unmatched === 1 ? 'was' : 'were'} told why they weren't matched. Proposals expire in ${p.hours} hours.`,
  'match.nothingToPublish':
    'There is nothing new to send: everyone who can be matched already has a proposal or a partner.',
  'proposal.title': 'A reverse-mentoring match for you',
  'proposal.toMentor': (p: { name: string; who: string; why: string; hours: number }) =>
    `You could mentor ${p.name} (${p.who}).\nWhy: ${p.why}.\nAccept or decline within ${p.hours} hours; silence counts as “no”.`,
  'proposal.toMentee': (p: { name: string; who: string; why: string; hours: number }) =>
    `${p.name} (${p.who}) could be your mentor.\nWhy: ${p.why}.\nAccept or decline within ${p.hours} hours; silence counts as “no”.`,
  'proposal.why.teaches': (p: { list: string }) => `they teach ${p.list}`,
  'proposal.why.learns': (p: { list: string }) => `they want to learn ${p.list}`,
  'proposal.group': 'This is a small group: the mentor meets a few colleagues at once.',
  'proposal.button.accept': 'Accept',
  'proposal.button.decline': 'Decline',
  'proposal.waiting': (p: { name: string }) =>
    `Thank you! We'll let you know as soon as ${p.name} answers.`,
  'proposal.declinedYou':
    "Understood — we won't propose this pair again. You stay in the pool for the next round.",
  'proposal.declinedOther': (p: { name: string }) =>
    `${p.name} can't take part in this pairing right now — it's not about you. You're back in the pool, and the next round will find you a partner.`,
  'proposal.expired': (p: { name: string }) =>
    `The proposal with ${p.name} expired without both answers, so it's closed. You're back in the pool for the next round.`,
  'proposal.closed': 'This proposal is no longer open.',
  'pair.introTitle': "You're a pair!",
  'pair.introMentor': (p: { name: string; topics: string }) =>
    `${p.name} accepted too: you're now ${p.name}'s mentor for ${p.topics}.`,
  'pair.introMentee': (p: { name: string; topics: string }) =>
    `${p.name} accepted too: ${p.name} is now your mentor for ${p.topics}.`,
  'proposal.otherLeft': (p: { name: string }) =>
    `${p.name} has left the program, so the proposal is closed. You stay in the pool for the next round.`,
  'pair.none': (p: { next: string }) => `No partner yet. ${p.next}`,
  'pair.next.round': "You'll get a proposal at the next matching round.",
  'pair.next.paused': (p: { until: string }) =>
    `You're on a break until ${p.until}; /resume to be matched again.`,
  'pair.next.unprepared': 'Read the preparation guide (/profile) to be matched.',
  'pair.title': 'Your pairs',
  'pair.asMentor': (p: { name: string; topics: string }) => `You mentor ${p.name} (${p.topics}).`,
  'pair.asMentee': (p: { name: string; topics: string }) => `${p.name} mentors you (${p.topics}).`,
  'pair.status': (p: { open: number; done: number; next: string }) =>
    `   Goals: ${p.open} open, ${p.done} done · next: ${p.next}`,
  'pair.noNext': (p: { sprint: string }) => `nothing booked (${p.sprint})`,
  'pair.pending': 'Waiting for your answer:',
  'pair.waitingFor': (p: { name: string; until: string }) =>
    `You accepted; waiting for ${p.name} to answer (until ${p.until}).`,
  'pair.earlierTitle': 'Earlier pairs:',
  'pair.earlier': (p: { name: string; held: number; open: number; done: number }) =>
    `• ${p.name}: ${p.held} ${p.held === 1 ? 'session' : 'sessions'} held · goals: ${p.open} open, ${p.done} done`,
  'cmd.pair': 'my partners, and proposals waiting for my answer',
  'match.excludedLine': (p: { name: string; reason: string }) => `${p.name}: ${p.reason}`,
  'pair.introManualMentor': (p: { name: string; topics: string }) =>
    `The program team has paired you with ${p.name}: you're ${p.name}'s mentor for ${p.topics}.`,
  'pair.introManualMentee': (p: { name: string; topics: string }) =>
    `The program team has paired you with ${p.name}: ${p.name} is your mentor for ${p.topics}.`,
  'pair.introManualMentorOpen': (p: { name: string }) =>
    `The program team has paired you with ${p.name}: you're ${p.name}'s mentor. You share no topic from your profiles yet — agree together on what to work on.`,
  'pair.introManualMenteeOpen': (p: { name: string }) =>
    `The program team has paired you with ${p.name}: ${p.name} is your mentor. You share no topic from your profiles yet — agree together on what to work on.`,
  'pair.noSharedTopic': 'no shared topic yet',
  'proposal.paired': (p: { name: string }) =>
    `You and ${p.name} are a pair — your introduction is in its own message.`,
  'proposal.withdrawn': (p: { name: string }) =>
    `The program team has closed the proposal with ${p.name}. You stay in the pool for the next round.`,
  'admin.rule.paused': 'one of them is on a break',
  'admin.rule.not_prepared': 'one of them has not read the preparation guide',
  'pair.icebreakers': (p: { list: string }) => `To break the ice:\n${p.list}`,
  'pair.next':
    'Next: agree on one concrete task you want to solve together, write it down as a goal, and book a first 2-hour sprint this week. Say hello in a direct message now!',
  'icebreaker.1': 'What tool or app saves you the most time every week?',
  'icebreaker.2': 'What did you learn most recently that surprised you?',
  'icebreaker.3': 'Which part of your work would you automate first, if you could?',
  'icebreaker.4': 'What is one thing younger customers expect that companies often miss?',
  'icebreaker.5': 'Where do you get your news and ideas from?',
  'icebreaker.6': 'What would make these sessions a success for you in a month?',
  'unmatched.you': (p: { reason: string }) =>
    `No match for you in this round: ${p.reason}. Nothing to do on your side — the next round will try again.`,
  'unmatched.youBoth': (p: { asMentor: string; asMentee: string }) =>
    `No match for you in this round. To teach: ${p.asMentor}. To learn: ${p.asMentee}. Nothing to do on your side — the next round will try again.`,
  'unmatched.mentee.no_topic_teacher':
    'nobody in the program teaches the topics you want to learn yet',
  'unmatched.mentee.no_junior':
    'everyone who teaches your topics is at your level or above — in reverse mentoring your mentor is a more junior colleague',
  'unmatched.mentee.no_fit':
    'the colleagues who teach your topics differ from you in format or department, or you were paired or declined before',
  'unmatched.mentee.capacity_full': 'the mentors who fit you went to closer matches this time',
  'unmatched.mentor.no_demand': 'nobody is looking to learn your topics right now',
  'unmatched.mentor.no_senior':
    'the colleagues who want your topics are at your level or below — in reverse mentoring you teach a more senior colleague',
  'unmatched.mentor.no_fit':
    'the colleagues who want your topics differ from you in format or department, or you were paired or declined before',
  'unmatched.mentor.capacity_full': 'the colleagues who fit you went to closer matches this time',
  'admin.usage': 'Use one of these (people are named by their name or id):',
  'admin.notFound': (p: { query: string }) => `I can't find a participant called “${p.query}”.`,
  'admin.ambiguous': (p: { query: string; names: string }) =>
    `“${p.query}” fits several people: ${p.names}. Be more specific.`,
  'admin.rule': (p: { rule: string }) => `Not paired: ${p.rule}. Add “force” to pair them anyway.`,
  'admin.rule.grade': "the mentor's grade must be lower than the mentee's",
  'admin.rule.format': 'they have no format in common',
  'admin.rule.department': 'they are in the same department',
  'admin.rule.history': 'they were paired or declined before',
  'admin.rule.topics': "the mentor teaches none of the mentee's topics",
  'admin.rule.self': 'that is the same person',
  'admin.rule.role': 'the first person must be a mentor and the second a mentee',
  'admin.rule.capacity': 'the mentor has no capacity left',
  'admin.rule.busy': 'the mentee already has a partner or an open proposal',
  'admin.paired': (p: { mentor: string; mentee: string }) =>
    `Paired: ${p.mentor} → ${p.mentee}. Both have been introduced.`,
  'admin.unpaired': (p: { mentor: string; mentee: string }) =>
    `Unpaired: ${p.mentor} and ${p.mentee}. Both have been told.`,
  'admin.notPaired': (p: { mentor: string; mentee: string }) =>
    `${p.mentor} and ${p.mentee} are not an active pair.`,
  'pair.ended': (p: { name: string; next: string }) =>
    `Your pairing with ${p.name} has been closed by the program team. Thank you for the time you spent together. ${p.next}`,
  'pair.partnerLeft': (p: { name: string; next: string }) =>
    `${p.name} has left the program, so your pairing is closed. Thank you for your time together. ${p.next}`,
  'meeting.rescheduled': (p: { kind: string; name: string }) =>
    `Your ${p.kind} with ${p.name} has moved — the new time:`,
  'meeting.partnerCant': (p: { name: string }) =>
    `${p.name} can't make it. Please pick a new time together: /sprint or /meet.`,
  'meeting.button.reschedule': 'Reschedule',
  'meeting.button.cant': "Can't make it",
  'meeting.button.moved': 'It was moved',
  'meeting.cantYou':
    'Understood — cancelled, and your partner has been asked to pick a new time with you.',
  'meeting.movedDone': 'Updated. Both of you have the new time and calendar invite.',
  'nudge.text': (p: { name: string; days: number }) =>
    `It's been ${p.days} days since your last session with ${p.name}. Even 30 minutes on one concrete task keeps the momentum — shall we book one?`,
  'nudge.button': 'Book a sprint',
  'cmd.time': 'console demo: move the clock (/time +1d, +3h)',
  'meeting.changedMeanwhile':
    'This session was moved or called off meanwhile — nothing was changed. /meetings shows the current plan.',
  'meeting.stale':
    'This question is about an earlier version of the session — nothing was changed.',
  'meeting.kind.sprint': 'sprint',
  'meeting.kind.meeting': 'meeting',
  'meeting.booked': (p: { kind: string; name: string }) =>
    `Your ${p.kind} with ${p.name} is booked:`,
  'meeting.cancelled': (p: { kind: string; name: string; slot: string }) =>
    `Your ${p.kind} with ${p.name} on ${p.slot} is cancelled. The calendar update is attached.`,
  'meeting.button.cancel': 'Cancel it',
  'meeting.icsTitle': (p: { kind: string; name: string }) =>
    `Reverse mentoring ${p.kind} with ${p.name}`,
  'meeting.icsCaption': 'Add it to your calendar',
  'meeting.icsCaptionCancel':
    'Open the file to cancel it in your calendar (or delete the event there)',
  'meeting.reminder': (p: {
    kind: string;
    name: string;
    /** Time left: whole hours, or minutes when under about an hour (then hours is 0). */
    hours: number;
    minutes: number;
    slot: string;
    topic: string;
  }) =>
    `Reminder: your ${p.kind} with ${p.name} starts in ${p.hours === 0 ? `${p.minutes} ${p.minutes === 1 ? 'minute' : 'minutes'}` : p.hours === 1 ? 'an hour' : `${p.hours} hours`} — ${p.slot}.\n«${p.topic}»`,
  'meeting.didItHappen': (p: { kind: string; name: string; topic: string }) =>
    `Did your ${p.kind} with ${p.name} happen? («${p.topic}»)`,
  'meeting.didItHappenOn': (p: { kind: string; name: string; topic: string; when: string }) =>
    `Waiting for your answer: did your ${p.kind} with ${p.name} on ${p.when} happen? («${p.topic}»)`,
  'meeting.button.yes': 'Yes, it happened',
  'meeting.button.no': "No, it didn't",
  'meeting.thanksHeld': 'Great — thank you! A short feedback question will follow.',
  'meeting.thanksMissed': 'Thanks for letting us know. Book the next one with /sprint or /meet.',
  'meeting.alreadyRecorded': 'Thanks — your partner has already answered this.',
  'meeting.notYours': 'This meeting is not one of yours.',
  'meeting.cancelledYou': 'Cancelled. Your partner has been told.',
  'meeting.confirmCancel': (p: { kind: string; when: string; name: string }) =>
    `Cancel the ${p.kind} on ${p.when} with ${p.name}?`,
  'meeting.confirmCant': (p: { kind: string; when: string; name: string }) =>
    `You can't make the ${p.kind} on ${p.when} with ${p.name}? It will be cancelled, and ${p.name} asked to pick a new time with you.`,
  'meeting.button.confirmCancel': 'Yes, cancel',
  'meeting.button.keep': 'Keep it',
  'meeting.kept': 'Kept — nothing changed.',
  'meeting.notScheduled': 'This meeting is no longer scheduled.',
  'meeting.needPair':
    "You don't have a partner yet — sprints are booked with your pair. /pair shows where you stand.",
  'meeting.form.sprint': 'Book a sprint',
  'meeting.form.meeting': 'Book a meeting',
  'meeting.form.move': 'Move the session',
  'meeting.form.submit': 'Book',
  'meeting.field.partner': 'With whom?',
  'meeting.field.day': 'Which day?',
  'meeting.hint.day': (p: { example: string }) =>
    `Or type a date, with a time if you like: “${p.example}”, “tomorrow 3pm”, “next friday”.`,
  'meeting.field.time': 'At what time (your time zone)?',
  'meeting.hint.time': 'Or type a time like 15:30.',
  'meeting.field.duration': 'How long?',
  'meeting.field.topic': 'The concrete task or topic?',
  'meeting.hint.topic': 'For example: set up an AI assistant for the weekly report.',
  'meeting.field.link': 'A link or agenda (optional)',
  'meeting.error.day': (p: { example: string }) =>
    `I couldn’t read that date. Try “${p.example}” or “tomorrow”.`,
  'meeting.error.time': 'I couldn’t read that time. Try 15:30.',
  'meeting.error.past': 'That time has already passed — please pick a later one.',
  'meeting.error.pastDay': 'That day has already passed — please pick a later one.',
  'meeting.error.dst':
    'That time does not exist in your time zone (the clocks change that night) — please pick another.',
  'meeting.error.invalid': 'That date and time don’t work — please pick another.',
  'meeting.error.overlap':
    'You already have a session with this partner at that time — please pick another.',
  'meeting.duration': (p: { minutes: number }) =>
    p.minutes < 60
      ? `${p.minutes} min`
      : p.minutes % 60 === 0
        ? `${p.minutes / 60} h`
        : `${Math.floor(p.minutes / 60)} h ${p.minutes % 60} min`,
  'meeting.cancelledForm': 'Cancelled — nothing was booked.',
  'meeting.moveCancelled': 'Not moved — the session stays as it was.',
  'meeting.listTitle': 'Coming up',
  'meeting.listNone': 'Nothing booked. /sprint books a 2-hour sprint, /meet a 1-hour meeting.',
  'meeting.listLine': (p: { slot: string; kind: string; name: string; topic: string }) =>
    `${p.slot} — ${p.kind} with ${p.name}: «${p.topic}»`,
  'cmd.sprint': 'book a 2-hour sprint with your partner',
  'cmd.meet': 'book a meeting with your partner',
  'cmd.sprints': 'what is coming up (same as /meetings)',
  'cmd.meetings': 'what is coming up',
  'console.banner': (p: { name: string }) =>
    `Tandem local console — a demo company is loaded. You are ${p.name}. Type /help to begin, /as <name> to act as a colleague, /whoami, /quit to exit.`,
  'console.connect':
    'To connect Slack or Telegram, set SLACK_BOT_TOKEN or TELEGRAM_BOT_TOKEN in .env (see README).',
  'console.as': (p: { name: string }) => `You are now ${p.name}.`,
  'console.asUnknown': (p: { names: string }) =>
    `No colleague by that name. Try one of: ${p.names}`,
  'console.asUsage': (p: { names: string }) => `Usage: /as <name>. Colleagues: ${p.names}`,
  'console.whoami': (p: { name: string; id: string; place: string }) =>
    `You are ${p.name} (${p.id}), ${p.place}.`,
  'console.inDm': 'in a direct chat with the bot',
  'console.inGroup': 'in the #general group chat',
  'console.nowInDm': 'You are now in your direct chat with the bot.',
  'console.nowInGroup':
    'You are now in the #general group chat. Plain messages here are not for the bot; try /help.',
  'console.where':
    'Type /in group or /in dm to switch between the group chat and your direct chat.',
  'console.to': (p: { name: string }) => `→ to ${p.name}`,
  'console.fileSaved': (p: { path: string }) => `File saved: ${p.path}`,
  'console.pickHint': 'Reply with a number.',
  'console.pickOrTypeHint': 'Reply with a number, or type your answer.',
  'console.stillOpen': 'Still open:',
  'console.multiHint':
    'Type a number to tick or untick it, or several numbers at once (e.g. 1,2) to choose exactly those and go on.',
  'console.timeUsage': 'Usage: /time +1d, /time +3h or /time +30m — moves the demo clock forward.',
  'console.timeNow': (p: { time: string }) => `Demo clock: ${p.time} UTC.`,
  'console.bye': (p: { path: string }) => `Bye! Your data stays in ${p.path} for next time.`,
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
  'goal.listTitle': (p: { n: number }) => `Goals of your pair (${p.n}):`,
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
  'cmd.feedback': 'HR: the polls of the last weeks, aggregated and anonymous',
  'feedback.ask': (p: { topic: string }) =>
    `How useful was “${p.topic}” for you? One tap is enough (1 = not at all, 5 = very). Your rating is private: your partner never sees it, and HR only sees averages of several people.`,
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
  'fit.button.repair': 'Yes, find me a new partner',
  'fit.button.keep': 'No, let’s keep going',
  'fit.kept': 'Alright, the pair continues. You can tell me again any time.',
  'fit.repairDone': 'Done. You are back in the pool for the next round.',
  'fit.closed': 'That pair is no longer active.',
  'fit.pairClosing': (p: { name: string }) =>
    `Your pair with ${p.name} is closing, so that each of you can get a partner who fits even better in the next round. Thank you for the sessions!`,
  'feedbackHr.title': (p: { weeks: number }) => `Feedback, last ${p.weeks} complete week(s)`,
  'feedbackHr.usefulness': (p: { value: number; people: number }) =>
    `Usefulness: ${decimal(p.value)} / 5 (${p.people} people)`,
  'feedbackHr.fit': (p: { good: number; unsure: number; bad: number; people: number }) =>
    `Pairing fit: ${p.good} good, ${p.unsure} not sure, ${p.bad} not a good fit (${p.people} people)`,
  'feedbackHr.notEnough': (p: { what: string; people: number; k: number }) =>
    `${p.what}: not enough answers to show (${p.people} of at least ${p.k}).`,
  'feedbackHr.what.usefulness': 'Usefulness',
  'feedbackHr.what.fit': 'Pairing fit',
  'feedbackHr.what.nps': 'NPS',
  'feedbackHr.learned': 'What people learned or taught:',
  'feedbackHr.notes': 'Notes for HR:',
  'feedbackHr.usage': (p: { command: string }) => `Usage: ${p.command} [weeks, 1–52]`,
  'admin.usage.pair': (p: { admin: string }) =>
    `${p.admin} pair <mentor> <mentee> [force] — pair two people by hand`,
  'admin.usage.unpair': (p: { admin: string }) =>
    `${p.admin} unpair <mentor> <mentee> — end a pair`,
  'admin.usage.survey': (p: { admin: string }) =>
    `${p.admin} survey — end of program: send everyone who was in a pair the final survey`,
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
  'survey.sent': (p: { n: number }) => `Final survey sent to ${people(p.n)}.`,
  'feedbackHr.overall': (p: { value: number; people: number }) =>
    `Program overall: ${decimal(p.value)} / 5 (${p.people} people)`,
  'feedbackHr.nps': (p: { value: number; people: number }) =>
    `NPS: ${decimal(p.value)} (${p.people} people)`,
  'feedbackHr.what.overall': 'Program overall',
  'feedbackHr.changed': 'What changed for people:',
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
  'idea.askSponsor': (p: {
    name: string;
    title: string;
    hypothesis: string;
    test: string;
    measure: string;
  }) =>
    `${p.name} proposes an experiment: “${p.title}”\nHypothesis: ${p.hypothesis}\nSmallest test: ${p.test}\nMeasured by: ${p.measure}\nSponsor a small pilot, or park it with a reason?`,
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
  'idea.reviewDone': 'Done — the author has been told.',
  'idea.notAllowed': 'Only the author’s senior partner or HR can decide on this idea.',
  'idea.notOpen': 'That idea is not waiting for this any more.',
  'idea.sponsored': (p: { name: string; title: string; date: string }) =>
    `${p.name} sponsors a pilot of “${p.title}”. We’ll look at the result on ${p.date}.`,
  'idea.parked': (p: { name: string; title: string; reason: string }) =>
    `${p.name} parked “${p.title}” for now: ${p.reason}`,
  'idea.checkAsk': (p: { title: string; measure: string }) =>
    `Check date for the pilot “${p.title}”. Measured by: ${p.measure}. How did it go?`,
  'idea.outcome.worked': 'It worked',
  'idea.outcome.didnt': 'It didn’t',
  'idea.outcome.learned': 'We learned something',
  'idea.outcomeForm.title': 'The pilot’s outcome',
  'idea.outcomeForm.submit': 'Save',
  'idea.field.note': 'In a sentence or two: what happened?',
  'idea.hint.note': 'e.g. “Reels brought 3× the sign-ups of the banner at half the cost”.',
  'idea.outcomeSaved': 'Saved — it goes into the weekly digest and the HR summary.',
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
  'idea.status.proposed': 'waiting for a decision',
  'idea.status.piloting': 'piloting',
  'idea.status.parked': 'parked',
  'idea.status.concluded': 'concluded',
  'cmd.story': 'share a success story (HR reviews it before it is published)',
  'admin.usage.post': (p: { admin: string }) =>
    `${p.admin} post <link> <comment> — share an article, study or news item in the content channel`,
  'content.badLink':
    'That link doesn’t look right — it should start with https://, e.g. https://example.com/article.',
  'content.badComment': (p: { max: number }) =>
    `Add a short comment after the link (up to ${p.max} characters): why is it worth reading?`,
  'content.noChannel':
    'CONTENT_CHANNEL is not set, so there is nowhere to publish. Nothing was posted.',
  'content.posted': 'Posted to the content channel; it will also be in the weekly digest.',
  'story.form.title': 'Your story',
  'story.form.submit': 'Send to HR',
  'story.field.text': 'What happened? A few sentences are enough.',
  'story.hint.text':
    'e.g. “With Tom’s help I set up an AI assistant; my Friday report now takes 20 minutes instead of 2 hours.”',
  'story.field.consent':
    'Once HR approves it, may we publish it with your name in the content channel?',
  'story.consent.yes': 'Yes, publish it with my name',
  'story.consent.no': 'No',
  'story.error.consent':
    'Stories are published with the author’s name, so we need your yes. If you’d rather not, press Cancel — nothing is kept.',
  'story.submitted': 'Thank you! HR will read it; you’ll hear when it is published.',
  'story.cancelled': 'Nothing was sent.',
  'story.review': (p: { name: string; text: string }) => `New story from ${p.name}:\n${p.text}`,
  'story.button.approve': 'Approve',
  'story.button.edit': 'Edit',
  'story.button.reject': 'Reject',
  'story.edit.title': 'Edit the story',
  'story.edit.submit': 'Send to the author',
  'story.reject.title': 'Send the story back',
  'story.reject.submit': 'Send back',
  'story.field.reason': 'Why? (the author reads this)',
  'story.hint.reason': 'e.g. “Please leave out the client’s name — then it’s ready.”',
  'story.approvedDone': 'Published to the content channel; the author has been told.',
  'story.rejectedDone': 'Sent back; the author has your note.',
  'story.alreadyHandled': 'This story has already been handled.',
  'story.notFound': 'That story no longer exists.',
  'story.published': 'Your story is published in the content channel. Thank you for sharing!',
  'story.rejected': (p: { reason: string }) => `HR sent your story back: ${p.reason}`,
  'story.invite':
    'Your pair is doing great work! Would you tell others how it goes? Type /story — a few sentences are enough.',
  'digest.title': 'This week in reverse mentoring',
  'digest.posts': 'Worth reading:',
  'digest.stories': 'Stories:',
  'digest.outcomes': 'Experiments:',
  'command.adminOnly': 'Sorry, only program admins can do that.',
  'admin.usage.hr': (p: { admin: string }) =>
    `${p.admin} hr add|remove <person> — grant or revoke the HR role`,
  'admin.usage.roles': (p: { admin: string }) => `${p.admin} roles — who is admin and who is HR`,
  'admin.usage.program': (p: { admin: string }) =>
    `${p.admin} program new "<name>" <start> <end> [cadence days] | list | end "<name>" — cohorts`,
  'admin.usage.topics': (p: { admin: string }) =>
    `${p.admin} topics add|rename <id> "<English>" "<Russian>" — the topic catalog`,
  'admin.usage.broadcast': (p: { admin: string }) =>
    `${p.admin} broadcast <text> — an announcement to every participant (asks to confirm)`,
  'admin.usage.backup': (p: { admin: string }) => `${p.admin} backup — a copy of the database now`,
  'roles.added': (p: { name: string }) => `${p.name} is now HR.`,
  'roles.removed': (p: { name: string }) => `${p.name} is no longer HR.`,
  'roles.alreadyHr': (p: { name: string }) => `${p.name} is already HR; nothing changed.`,
  'roles.notHr': (p: { name: string }) => `${p.name} isn't HR; nothing changed.`,
  'roles.list': (p: { admins: string; hr: string }) => `Admins: ${p.admins}\nHR: ${p.hr}`,
  'program.error.name': (p: { max: number }) => `The name can be up to ${p.max} characters.`,
  'program.error.dates': 'Dates are written like 2027-01-31 (start, then end).',
  'program.error.order': 'The end must come after the start.',
  'program.error.cadence': (p: { max: number }) =>
    `The cadence is a number of days from 1 to ${p.max}.`,
  'program.error.exists': (p: { name: string }) => `There is already a program called “${p.name}”.`,
  'program.error.over': (p: { end: string; today: string }) =>
    `Not created: that program would already be over (it ends ${p.end}; today is ${p.today}). Pick an end from today on.`,
  'program.confirmNew': (p: { name: string }) =>
    `Create “${p.name}”? Please check its dates first:`,
  'program.warn.pastStart': (p: { start: string; today: string }) =>
    `It starts on ${p.start}, which has passed (today is ${p.today}). People who joined since then stay in their program; only those who join from now on belong to this one.`,
  'program.warn.overlap': (p: { other: string; start: string; end: string; later: string }) =>
    `It overlaps “${p.other}” (${p.start} – ${p.end}). While both run, new volunteers join “${p.later}”, the one that started later.`,
  'program.button.create': 'Create it',
  'program.created': (p: { name: string; start: string; end: string; cadence: number }) =>
    `Program “${p.name}” created: ${p.start} – ${p.end}, a nudge after ${p.cadence} days without a meeting. People who join from ${p.start} belong to it.`,
  'program.listTitle': 'Programs:',
  'program.line': (p: {
    name: string;
    start: string;
    end: string;
    cadence: number;
    status: string;
  }) => `• ${p.name}: ${p.start} – ${p.end}, cadence ${p.cadence} days (${p.status})`,
  'program.active': 'running',
  'program.ended': 'ended',
  'program.none': (p: { admin: string }) =>
    `No programs yet: everyone is in the default one. Create one with ${p.admin} program new.`,
  'program.notFound': (p: { name: string }) => `There is no program called “${p.name}”.`,
  'program.alreadyEnded': (p: { name: string }) => `“${p.name}” has already ended.`,
  'program.endedDone': (p: { name: string; n: number }) =>
    `“${p.name}” has ended. The final survey went to ${people(p.n)}.`,
  'topics.error.id': 'A topic id is lower-case latin letters, digits and _, e.g. no_code.',
  'topics.error.label': (p: { max: number }) => `Names can be up to ${p.max} characters.`,
  'topics.exists': (p: { id: string }) => `The topic “${p.id}” already exists; use rename.`,
  'topics.notFound': (p: { id: string }) => `There is no topic “${p.id}”.`,
  'topics.added': (p: { id: string; en: string; ru: string }) =>
    `Topic added: ${p.id} — ${p.en} / ${p.ru}.`,
  'topics.renamed': (p: { id: string; en: string; ru: string }) =>
    `Topic renamed: ${p.id} — ${p.en} / ${p.ru}.`,
  'broadcast.tooLong': (p: { max: number }) => `An announcement can be up to ${p.max} characters.`,
  'broadcast.confirm': (p: { n: number; text: string }) =>
    `This goes to ${p.n} participants:\n\n${p.text}\n\nSend it?`,
  'broadcast.button.send': (p: { n: number }) => `Send to ${p.n}`,
  'broadcast.button.cancel': 'Cancel',
  'broadcast.title': 'From the program team',
  'broadcast.sent': (p: { n: number }) =>
    `Queued for ${people(p.n)}; it goes out at the platform's pace.`,
  'broadcast.cancelled': 'Cancelled; nothing was sent.',
  'broadcast.done': 'That announcement has already been sent or cancelled.',
  'backup.failed': (p: { code: string }) =>
    `The backup failed, so no new copy was kept; the earlier copies are untouched. (Code: ${p.code})`,
  'backup.done': (p: { path: string; keep: number }) =>
    `Backup written: ${p.path} (the newest ${p.keep} are kept).`,
  'summary.title': (p: { period: string }) => `Reverse mentoring · ${p.period}`,
  'summary.volunteers': (p: {
    n: number;
    change: string;
    mentors: number;
    mentees: number;
    both: number;
    fresh: number;
  }) =>
    `Volunteers: ${p.n}${p.change} — ${p.mentors} mentors, ${p.mentees} mentees, ${p.both} both; new: ${p.fresh}`,
  'summary.pipeline': (p: {
    prepared: number;
    proposed: number;
    pairs: number;
    change: string;
    met: number;
  }) =>
    `Prepared: ${p.prepared} · proposed: ${p.proposed} · active pairs: ${p.pairs}${p.change} · met at least once: ${p.met}`,
  'summary.goals': (p: { set: number; done: number }) => `Goals: ${p.set} set, ${p.done} done`,
  'summary.meetings': (p: {
    held: number;
    scheduled: number;
    missed: number;
    cancelled: number;
    unconfirmed: number;
    change: string;
  }) =>
    `Sessions: ${p.held} held of ${p.scheduled}${p.change} (${p.missed} missed, ${p.cancelled} cancelled${p.unconfirmed > 0 ? `, ${p.unconfirmed} not confirmed yet` : ''})`,
  'summary.usefulness': (p: { value: number; people: number; change: string }) =>
    `Usefulness: ${decimal(p.value)} / 5${p.change} (${p.people} people)`,
  'summary.unmet': (p: { list: string }) => `Wanted, but nobody teaches: ${p.list}`,
  'summary.unmetNone': 'Every topic people want has someone to teach it.',
  'summary.atRisk': (p: { n: number }) => `Pairs at risk: ${p.n}`,
  'summary.atRiskNone': 'No pairs at risk.',
  'summary.risk.nudges': 'three reminders ignored',
  'summary.risk.silent': 'no session for 3 weeks',
  'summary.andMore': (p: { n: number }) => `…and ${p.n} more`,
  'summary.ideas': (p: {
    proposed: number;
    piloting: number;
    parked: number;
    concluded: number;
    worked: number;
  }) =>
    `Ideas: ${p.proposed} waiting, ${p.piloting} piloting, ${p.parked} parked, ${p.concluded} concluded (${p.worked} worked)`,
  'summary.context': (p: { zone: string; k: number }) =>
    `Weeks run Monday to Sunday (${p.zone}); ▲▼ against the period before. Ratings and NPS appear only for ${p.k} or more people.`,
  'summary.chartCaption': 'Sessions held and usefulness by week; the funnel.',
  'chart.weekly': 'Sessions held per week',
  'chart.countAxis': 'sessions',
  'chart.held': 'sessions held',
  'chart.usefulnessPanel': 'Usefulness: mean rating of the week',
  'chart.usefulnessAxis': 'rating, 1–5',
  'chart.usefulness': 'usefulness, 1–5',
  'chart.weekOf': 'week starting',
  'chart.hidden': 'hidden',
  'chart.hiddenShort': (p: { k: number }) => `< ${p.k} people`,
  'chart.hiddenLegend': (p: { k: number }) => `hidden: fewer than ${p.k} people rated`,
  'chart.funnel': (p: { day: string }) => `Funnel on ${p.day}`,
  'chart.funnel.people': 'People',
  'chart.funnel.volunteers': 'Volunteers',
  'chart.funnel.prepared': 'Prepared',
  'chart.funnel.proposed': 'Got a match proposal',
  'chart.funnel.pairsHeading': 'Pairs',
  'chart.funnel.pairs': 'Active pairs',
  'chart.funnel.met': 'Met at least once',
  'chart.title': (p: { weeks: number; period: string }) =>
    `Reverse mentoring · last ${p.weeks} weeks: ${p.period}`,
  'chart.noRatings': 'no ratings',
  'cmd.report': 'HR: the weekly summary now, with its chart (/report 4 for four weeks)',
  'report.usage': (p: { command: string; max: number }) =>
    `Usage: ${p.command} [weeks, 1–${p.max}]`,
  'report.wrongPlace': 'Reports are shown only in a direct message or in the HR channel.',
  'match.wrongPlace':
    'The match preview names people with their levels and reasons, so it is shown only in a direct message or in the HR channel.',
  'cmd.export':
    'HR: CSV files of participants, pairs, meetings, goals, feedback (aggregated), ideas',
  'export.intro': (p: { n: number }) =>
    `Here are ${p.n} CSV files (UTF-8, opens in Excel). Feedback is aggregated per week and hidden under the k rule; no individual ratings.`,
  'survey.confirm': (p: { fresh: number; already: number }) =>
    `Send the final survey to ${people(p.fresh)} who ${p.fresh === 1 ? 'was' : 'were'} in a pair? (${p.already} already ${p.already === 1 ? 'has' : 'have'} it.) Use this when the program is ending.`,
  'survey.button.send': (p: { n: number }) => `Send to ${p.n}`,
  'survey.nobodyNew': (p: { already: number }) =>
    `Everyone who was in a pair (${p.already}) already has the survey; nothing to send.`,
  'program.confirmEnd': (p: { name: string; end: string; n: number }) =>
    `End “${p.name}” now (planned end ${p.end})? ${people(p.n)} will get the final survey. This can’t be undone.`,
  'program.button.end': 'End the program',
  'program.endedOn': (p: { date: string }) => `ended on ${p.date}`,
  'program.upcoming': 'not started yet',
  'admin.confirmCancelled': 'Cancelled; nothing changed.',
  'admin.confirmStale': 'That has already been done or changed meanwhile; nothing more happened.',
  'story.editProposed': (p: { text: string }) =>
    `HR suggests this version of your story before it is published under your name:\n\n${p.text}`,
  'story.button.publishEdit': 'Publish this version',
  'story.button.withdraw': 'Withdraw my story',
  'story.editSent': 'Sent to the author: it is published when they agree to your version.',
  'story.publishedByYou': 'Published in the content channel. Thank you for sharing!',
  'story.withdrawn': 'Your story is withdrawn; nothing was published.',
  'idea.outcomeLine': (p: { name: string; outcome: string; note: string }) =>
    `${p.name}: ${p.outcome} — ${p.note}`,
  'idea.parkedLine': (p: { reason: string }) => `Parked: ${p.reason}`,
  'form.replaced': (p: { title: string }) =>
    `Your unfinished “${p.title}” was closed; its answers were not saved.`,
  'survey.final':
    'Your answers were already counted in a weekly summary, so they can no longer be changed. Thank you!',
  'admin.ruleFinal': (p: { rule: string }) => `Not paired: ${p.rule}.`,
  // Channels Tandem cannot post in (issue 13 §2): what the admins are told, and the receipts.
  'channel.title': 'A channel needs your help',
  'channel.slack.not_member': (p: ChannelParams) =>
    `Tandem can’t post in ${p.channel} (${p.setting}): it isn’t a member of that channel. To fix it, type /invite ${p.bot} in ${p.channel}.`,
  'channel.slack.not_found': (p: ChannelParams) =>
    `Tandem can’t find the channel ${p.channel} (${p.setting}). If it is a private channel, type /invite ${p.bot} in it; otherwise check the channel id in ${p.setting}.`,
  'channel.slack.archived': (p: ChannelParams) =>
    `${p.channel} (${p.setting}) is archived, so nothing can be posted there. Unarchive it, or set ${p.setting} to another channel, type /invite ${p.bot} there and restart Tandem.`,
  'channel.slack.no_rights': (p: ChannelParams) =>
    `Tandem may not post in ${p.channel} (${p.setting}): only admins can post there. Let members post in the channel’s settings, or set ${p.setting} to another channel.`,
  'channel.slack.cannot_check': (p: ChannelParams) =>
    `Tandem can’t check whether it may post in ${p.channel} (${p.setting}): the Slack app lacks the channels:read and groups:read scopes. Add them (see slack-app-manifest.yml), reinstall the app, and type /invite ${p.bot} in ${p.channel}.`,
  'channel.telegram.not_member': (p: ChannelParams) =>
    `The bot can’t post in ${p.channel} (${p.setting}): it isn’t in that chat. Add ${p.bot} to the channel and make it an admin with the right to post messages.`,
  'channel.telegram.not_found': (p: ChannelParams) =>
    `Telegram doesn’t know the chat ${p.channel} (${p.setting}), or the bot was never added to it. Add ${p.bot} to the channel, make it an admin with the right to post messages, and check the chat id in ${p.setting}.`,
  'channel.telegram.archived': (p: ChannelParams) =>
    `The chat ${p.channel} (${p.setting}) no longer exists. Set ${p.setting} to another chat, add ${p.bot} there as an admin with the right to post messages, and restart Tandem.`,
  'channel.telegram.no_rights': (p: ChannelParams) =>
    `${p.bot} is in ${p.channel} (${p.setting}) but may not post there. Make it an admin of the channel with the right to post messages (in a group: allow it to send messages).`,
  'channel.telegram.cannot_check': (p: ChannelParams) =>
    `Tandem can’t check its rights in ${p.channel} (${p.setting}). Make sure ${p.bot} is an admin of the channel with the right to post messages.`,
  'channel.footer':
    'Until then nothing reaches that channel. You’ll hear again only if the problem changes.',
  'channel.reason.not_member': 'Tandem is not a member of it',
  'channel.reason.not_found': 'Tandem can’t find it',
  'channel.reason.archived': 'it is archived or gone',
  'channel.reason.no_rights': 'Tandem may not post there',
  'channel.reason.cannot_check': 'the platform refused the post',
  'content.sending': 'Sending it to the content channel; you’ll hear once it is there.',
  'content.notPosted': (p: { reason: string }) =>
    `Your link could not be posted to the content channel (${p.reason}), so nothing was published. The program’s admins have been told how to fix it; post it again once they have.`,
  'story.sending': 'Approved. You’ll hear once it is published in the content channel.',
  'story.sendingYours':
    'Sending your story to the content channel; you’ll hear once it is published.',
  'story.notPublished': (p: { reason: string }) =>
    `The story could not be posted to the content channel (${p.reason}), so it is not published. The program’s admins have been told how to fix it; it is back in review — approve it again once they have.`,
  'story.notPublishedYours':
    'Your story could not be posted to the content channel yet, so it is not published. The program team has been told and will publish it once the channel is fixed.',
  // A channel post whose process died while sending it (issue 13 §2): nobody can know if it is there.
  'content.uncertain':
    'Tandem stopped while posting your link to the content channel, so it may not have been posted. Please check the channel; if the link is not there, post it again.',
  'story.uncertain': (p: { name: string }) =>
    `Tandem stopped while posting ${p.name}’s story to the content channel, so it may not have been posted. Please check the channel; if the story is not there, approve it again — it is back in review.`,
  'story.uncertainYours':
    'Tandem stopped while posting your story to the content channel, so it may not have been published. The program team has been asked to check and publish it if it is missing.',
};
