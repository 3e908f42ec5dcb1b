/**
 * English messages: the reference catalog. Every other language must have the same keys
 * and parameters (checked by the compiler). Text is plain; adapters escape it.
 * Commands are written as `/name`; the engine rewrites them to the platform's syntax.
 * These are the texts the engine, the adapters or several features share; each feature's own
 * are in its folder (src/features/<feature>/en.ts), and its manifest brings them in.
 */
import { decimalEn as decimal, people } from './words';

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

  'form.step': (p: { n: number; total: string }) => `step ${p.n} of ${p.total}`,
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
  'form.stale':
    'That form is closed. Open it again the way you started it: its command (see /help) or the button that opened it.',
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
  'profile.grade.1': '1 — junior / intern',
  'profile.grade.2': '2 — specialist',
  'profile.grade.3': '3 — senior specialist',
  'profile.grade.4': '4 — manager',
  'profile.grade.5': '5 — executive',

  'user.former': 'a former participant',
  'user.formerLabel': 'Former participant',
  'cmd.time': 'console demo: move the clock (/time +1d, +3h)',
  'meeting.notYours': 'This meeting is not one of yours.',
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
  'console.noSuchNumber': (p: { n: string }) =>
    `No button is numbered ${p.n} here. Type a command — /help lists them — or a number shown above.`,
  'console.multiHint':
    'Type a number to tick or untick it, or several numbers at once (e.g. 1,2) to choose exactly those and go on.',
  'console.timeUsage': 'Usage: /time +1d, /time +3h or /time +30m — moves the demo clock forward.',
  'console.timeNow': (p: { time: string }) => `Demo clock: ${p.time} UTC.`,
  'console.bye': (p: { path: string }) => `Bye! Your data stays in ${p.path} for next time.`,
  'feedbackHr.notEnough': (p: { what: string; people: number; k: number }) =>
    `${p.what}: not enough answers to show (${p.people} of at least ${p.k}).`,
  'feedbackHr.what.usefulness': 'Usefulness',
  'feedbackHr.what.nps': 'NPS',
  'survey.sent': (p: { n: number }) => `Final survey sent to ${people(p.n)}.`,
  'feedbackHr.nps': (p: { value: number; people: number }) =>
    `NPS: ${decimal(p.value)} (${p.people} people)`,
  'idea.outcome.worked': 'It worked',
  'idea.outcome.didnt': 'It didn’t',
  'idea.outcome.learned': 'We learned something',
  'broadcast.button.cancel': 'Cancel',
  'form.replaced': (p: { title: string }) =>
    `Your unfinished “${p.title}” was closed; its answers were not saved.`,
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
};
