import { people } from '../../core/i18n/words';

/** The admin feature's English texts; ru.ts must match them (checked by the compiler). */
export const en = {
  'cmd.admin':
    'HR: pair or unpair by hand, post content, send the final survey; admins also roles, topics, programs, broadcasts and backups (/admin lists what you can use)',
  'admin.usage': 'Use one of these (people are named by their name or id):',
  'admin.usage.pair': (p: { admin: string }) =>
    `${p.admin} pair <mentor> <mentee> [force] — pair two people by hand`,
  'admin.usage.unpair': (p: { admin: string }) =>
    `${p.admin} unpair <mentor> <mentee> — end a pair`,
  'admin.usage.survey': (p: { admin: string }) =>
    `${p.admin} survey — end of program: send everyone who was in a pair the final survey`,
  'admin.usage.post': (p: { admin: string }) =>
    `${p.admin} post <link> <comment> — share an article, study or news item in the content channel`,
  'command.adminOnly': 'Sorry, only program admins can do that.',
  'admin.usage.hr': (p: { admin: string }) =>
    `${p.admin} hr add|remove <person> — grant or revoke the HR role`,
  'admin.usage.roles': (p: { admin: string }) => `${p.admin} roles — who is admin and who is HR`,
  'admin.usage.program': (p: { admin: string }) =>
    `${p.admin} program new "<name>" <start> <end> [cadence days] | list | end "<name>" — cohorts`,
  'admin.usage.topics': (p: { admin: string }) =>
    `${p.admin} topics [list] | add|rename <id> "<English>" "<Russian>" — the topic catalog`,
  'admin.usage.broadcast': (p: { admin: string }) =>
    `${p.admin} broadcast <text> — an announcement to every participant (asks to confirm)`,
  'admin.usage.backup': (p: { admin: string }) => `${p.admin} backup — a copy of the database now`,
  'roles.added': (p: { name: string }) => `${p.name} is now HR.`,
  'roles.removed': (p: { name: string }) => `${p.name} is no longer HR.`,
  'roles.youAreHr': (p: { name: string }) =>
    `${p.name} made you HR in Tandem: you can now see the weekly summary (/report), run matching rounds (/match) and pair people by hand (/admin). /help lists everything you can use.`,
  'roles.youAreNotHr': (p: { name: string }) =>
    `${p.name} removed your HR role in Tandem. Everything else of yours in Tandem stays as it was.`,
  'roles.alreadyHr': (p: { name: string }) => `${p.name} is already HR; nothing changed.`,
  'roles.notHr': (p: { name: string }) => `${p.name} isn't HR; nothing changed.`,
  'roles.adminAlready': (p: { name: string }) =>
    `${p.name} is an admin, who can already do everything HR can; nothing changed.`,
  'roles.list': (p: { admins: string; hr: string }) => `Admins: ${p.admins}\nHR: ${p.hr}`,
  'program.error.blank':
    'Give the program a name — in quotes if it has spaces, like "Spring 2027".',
  'topics.listTitle': 'Topics (id — English / Russian):',
  'topics.listHint': (p: { admin: string }) =>
    `Add one: ${p.admin} topics add <id> "<English>" "<Russian>"; rename: ${p.admin} topics rename <id> "…" "…".`,
  'topics.error.name': 'Both names are needed, each in quotes: "English" "Русский".',
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
  'program.warn.sameStart': (p: { other: string; start: string; end: string; newer: string }) =>
    `It starts the same day as “${p.other}” (${p.start} – ${p.end}). While both run, new volunteers join “${p.newer}”, the newer one.`,
  'program.warn.cadence': (p: { cadence: number; days: number }) =>
    `A nudge after ${p.cadence} days without a meeting never comes in a program of ${p.days} days; add a shorter cadence (the number after the end date) to have pairs nudged.`,
  'program.button.create': 'Create it',
  'program.created': (p: { name: string; start: string; end: string; cadence: number }) =>
    `Program “${p.name}” created: ${p.start} – ${p.end}, a nudge after ${p.cadence} days without a meeting.`,
  'program.joinFrom': (p: { start: string }) => `People who join from ${p.start} belong to it.`,
  'program.joinOther': (p: { other: string; end: string }) =>
    `While “${p.other}” runs too (until ${p.end}), people who join belong to “${p.other}”, the one that started later.`,
  'program.joinUntil': (p: { start: string; other: string; otherStart: string }) =>
    `People who join from ${p.start} belong to it, until “${p.other}” starts on ${p.otherStart}.`,
  'program.joinFromNow':
    'People who join from now on belong to it; those already in stay in theirs.',
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
  'program.endedByDate': (p: { name: string; end: string; n: number }) =>
    `“${p.name}” reached its last day (${p.end}) and has ended. The final survey went to ${people(p.n)}; pairs are no longer nudged.`,
  'program.endedDone': (p: { name: string; n: number }) =>
    `“${p.name}” has ended. The final survey went to ${people(p.n)}.`,
  'topics.error.id':
    'A topic id starts with a lower-case latin letter, then letters, digits or _ (2–31 in all), e.g. no_code or printing_3d.',
  'topics.error.label': (p: { max: number }) => `Names can be up to ${p.max} characters.`,
  'topics.exists': (p: { id: string }) => `The topic “${p.id}” already exists; use rename.`,
  'topics.notFound': (p: { id: string }) => `There is no topic “${p.id}”.`,
  'topics.nameTaken': (p: { id: string }) =>
    `The topic “${p.id}” already has that name; pick another, or rename “${p.id}”. Nothing changed.`,
  'topics.added': (p: { id: string; en: string; ru: string }) =>
    `Topic added: ${p.id} — ${p.en} / ${p.ru}.`,
  'topics.renamed': (p: { id: string; en: string; ru: string }) =>
    `Topic renamed: ${p.id} — ${p.en} / ${p.ru}.`,
  'broadcast.tooLong': (p: { max: number }) => `An announcement can be up to ${p.max} characters.`,
  'broadcast.confirm': (p: { n: number; text: string }) =>
    `This goes to ${p.n} participants:\n\n${p.text}\n\nSend it?`,
  'broadcast.button.send': (p: { n: number }) => `Send to ${p.n}`,
  'broadcast.title': 'From the program team',
  'broadcast.sent': (p: { n: number }) =>
    `Queued for ${people(p.n)}; it goes out at the platform's pace.`,
  'broadcast.cancelled': 'Cancelled; nothing was sent.',
  'broadcast.done': 'That announcement has already been sent or cancelled.',
  'backup.started': 'Making a copy of the database; its path follows here in a moment.',
  'backup.failed': (p: { code: string }) =>
    `The backup failed, so no new copy was kept; the earlier copies are untouched. (Code: ${p.code})`,
  'backup.done': (p: { path: string; keep: number }) =>
    `Backup written: ${p.path} (the newest ${p.keep} are kept).`,
  'backup.usePgDump':
    'Tandem runs on PostgreSQL here, so it makes no copies itself: back the database up with pg_dump, e.g. pg_dump --format=custom --file=tandem.dump "$DATABASE_URL" (restore with pg_restore). The README shows how.',
  'program.confirmEnd': (p: { name: string; end: string; n: number }) =>
    `End “${p.name}” now (planned end ${p.end})? ${people(p.n)} will get the final survey. This can’t be undone.`,
  'program.button.end': 'End the program',
  'program.calledOff': (p: { name: string }) =>
    `“${p.name}” is called off before its start; no survey was sent.`,
  'program.confirmCallOff': (p: { name: string; start: string }) =>
    `“${p.name}” has not started (it starts on ${p.start}) and no one belongs to it yet. End it now? It is called off, and no survey is sent. This can’t be undone.`,
  'program.endedOn': (p: { date: string }) => `ended on ${p.date}`,
  'program.upcoming': 'not started yet',
  'admin.confirmCancelled': 'Cancelled; nothing changed.',
  'admin.confirmStale': 'That has already been done or changed meanwhile; nothing more happened.',
};
