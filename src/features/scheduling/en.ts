/** The scheduling feature's English texts; ru.ts must match them (checked by the compiler). */
export const en = {
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
  'nudge.first': (p: { name: string; days: number }) =>
    `You and ${p.name} were paired ${p.days} days ago and haven't met yet. Even 30 minutes on one concrete task is a good start — shall we book your first one?`,
  'nudge.button': 'Book a sprint',
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
  'meeting.partnerSaidMissed': (p: { name: string; kind: string; topic: string }) =>
    `${p.name} says your ${p.kind} («${p.topic}») didn't happen. If it did, tell me — it counts for both of you.`,
  'meeting.partnerSaidHeld': (p: { name: string; kind: string; topic: string }) =>
    `${p.name} says your ${p.kind} («${p.topic}») did happen after all, so it counts as held.`,
  'meeting.button.didHappen': 'It did happen',
  'meeting.overruled': (p: { name: string }) =>
    `Noted — it counts as held, and ${p.name} has been told.`,
  'meeting.alreadyRecorded': 'Thanks — your partner has already answered this.',
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
    "You don't have a partner yet — sprints and meetings are booked with your pair. /pair shows where you stand.",
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
  'meeting.error.overlapLength': (p: { length: string }) =>
    `Lasting ${p.length}, it would run into another session with this partner. Pick another time, or keep this one and choose a shorter length.`,
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
  // "Find a time" (issue 17) and the warning on a time typed by hand.
  'find.title': 'Find a time',
  'find.intro': (p: { kind: string; names: string }) =>
    `Times in the next seven days inside working hours for you and ${p.names}. One tap books the ${p.kind} for everyone, with the calendar invite — or type a day and time, like “tomorrow 15:00”:`,
  'find.noOverlap': (p: { names: string }) =>
    `You and ${p.names} have no working hours in common in the next seven days. These are the closest times — one tap books one:`,
  'find.none': (p: { names: string }) =>
    `I found no free time for you and ${p.names} in the next seven days. Pick one yourself:`,
  'find.calendarFallback': (p: { names: string }) =>
    `The calendar of ${p.names} didn't answer, so for them these use working hours only.`,
  'find.calendarFallbackMine':
    "Your calendar didn't answer this time, so these use your working hours only.",
  'find.reconnect':
    'Your calendar refused access, so these use your working hours only. Connect it again: /calendar.',
  'find.button.other': 'Other time',
  'find.slotLabel': (p: { mine: string; name: string; theirs: string }) =>
    `${p.mine} (${p.name}: ${p.theirs})`,
  'find.byHand': 'Your own time, then — step by step.',
  'find.whom': 'With whom?',
  'find.gone': 'That time is no longer free (or has passed). Here are fresh suggestions.',
  'find.booked': (p: { kind: string; when: string }) =>
    `Booked: the ${p.kind} on ${p.when}. The invite is on its way to both of you.`,
  'find.typedAsk': (p: { when: string }) =>
    `${p.when}: a sprint or a meeting? One tap books it for everyone, with the calendar invite.`,
  'find.typedAskWhom': (p: { when: string }) =>
    `${p.when}: with whom, a sprint or a meeting? One tap books it, with the calendar invite.`,
  'find.typedOnlyMeeting': (p: { name: string }) =>
    `A 2-hour sprint would run into another session of yours or ${p.name}'s; a 1-hour meeting fits.`,
  'find.typedKind': (p: { kind: string; minutes: number }) => `${p.kind}, ${p.minutes / 60} h`,
  'find.typedKindWith': (p: { kind: string; name: string }) => `${p.kind} · ${p.name}`,
  'find.typedNoTime': (p: { day: string }) =>
    `At what time on ${p.day}? Type just the time, like “15:00”, or /sprint for suggestions.`,
  'find.typedTaken': (p: { name: string }) =>
    `At that time you or ${p.name} already have a Tandem session — type another time, or /sprint for suggestions.`,
  'find.topic.sprint': 'Sprint',
  'find.topic.meeting': 'Meeting',
  'meeting.field.timeOk': "Outside your partner's hours?",
  'meeting.hint.timeOk':
    "If the time falls outside your partner's working hours or at night for them: keep it anyway, or pick another.",
  'meeting.warn.night': (p: { name: string; time: string }) =>
    `That is ${p.time} for ${p.name} — the middle of their night.`,
  'meeting.warn.day_off': (p: { name: string; time: string }) =>
    `That is ${p.time} for ${p.name} — a day they don't work.`,
  'meeting.warn.outside_hours': (p: { name: string; time: string }) =>
    `That is ${p.time} for ${p.name} — outside their working hours.`,
  'meeting.warn.busy': (p: { name: string; time: string }) =>
    `That is ${p.time} for ${p.name}, and they have something else on.`,
  'meeting.timeOk.keep': 'Keep this time',
  'meeting.timeOk.other': 'Pick another time',
  'meeting.warn.pickAnother': 'Pick another time, please.',
};
