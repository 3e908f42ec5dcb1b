import { people } from '../../core/i18n/words';

/** The matching feature's English texts; ru.ts must match them (checked by the compiler). */
export const en = {
  'cmd.match': 'HR: run a matching round (/match preview, /match publish)',
  'match.usage':
    'Use /match preview to see the proposed pairs, or /match publish to send the proposals.',
  'match.nobody': (p: { volunteers: number; paused: number; notPrepared: number; busy: number }) =>
    `No one can be matched right now. Volunteers: ${p.volunteers}; on a break: ${p.paused}; still to read the guide: ${p.notPrepared}; already paired or waiting for an answer: ${p.busy}.`,
  'match.busyLine': (p: { busy: number }) =>
    `Not in this round: ${p.busy} already in a pair or waiting to answer a proposal.`,
  'match.previewFooterNone': 'Nothing to send: this round has no new pairs.',
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
  'match.reason.demand_taken':
    'those who want their topics are already paired or waiting to answer a proposal',
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
  'proposal.reminder': 'A reminder: this proposal is still waiting for your answer.',
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
  'unmatched.mentor.demand_taken':
    'the colleagues who want your topics are already paired or have a proposal for now',
  'unmatched.mentor.no_demand': 'nobody is looking to learn your topics right now',
  'unmatched.mentor.no_senior':
    'the colleagues who want your topics are at your level or below — in reverse mentoring you teach a more senior colleague',
  'unmatched.mentor.no_fit':
    'the colleagues who want your topics differ from you in format or department, or you were paired or declined before',
  'unmatched.mentor.capacity_full': 'the colleagues who fit you went to closer matches this time',
  'admin.notFound': (p: { query: string }) => `I can't find a participant called “${p.query}”.`,
  'admin.ambiguous': (p: { query: string; names: string }) =>
    `“${p.query}” fits several people: ${p.names}. Be more specific.`,
  'admin.rule': (p: { rule: string }) => `Not paired: ${p.rule}. Add “force” to pair them anyway.`,
  'admin.rule.grade': "the mentor's grade must be lower than the mentee's",
  'admin.rule.format': 'they have no format in common',
  'admin.rule.department': 'they are in the same department',
  'admin.rule.history': 'they were paired or declined before',
  'admin.rule.topics': "the mentor teaches none of the mentee's topics",
  'admin.alreadyPaired': (p: { a: string; b: string }) =>
    `${p.a} and ${p.b} are already a pair; nothing changed.`,
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
  'admin.unpairSelf': (p: { name: string }) =>
    `That names ${p.name} twice: unpair takes the two people of a pair (or of an open proposal). Nothing changed.`,
  'pair.ended': (p: { name: string; next: string }) =>
    `Your pairing with ${p.name} has been closed by the program team. Thank you for the time you spent together. ${p.next}`,
  'pair.groupMemberLeft': (p: { name: string; rest: string }) =>
    `${p.name} has left the program, and so your group. It goes on with ${p.rest}; their sessions and goals stay as they are.`,
  'pair.partnerLeft': (p: { name: string; next: string }) =>
    `${p.name} has left the program, so your pairing is closed. Thank you for your time together. ${p.next}`,
  'admin.ruleFinal': (p: { rule: string }) => `Not paired: ${p.rule}.`,
};
