import { timer } from '../../jobs/types';
import type { Feature } from '../feature';
import { matchActions, matchCommand } from './commands';
import { en } from './en';
import { pairCommand } from './pair-command';
import { ru } from './ru';
import { runScheduledRound } from './scheduled';
import {
  expireProposal,
  PROPOSAL_EXPIRE_TIMER,
  PROPOSAL_REMIND_TIMER,
  proposalExpirePayload,
  remindProposal,
} from './service';

/** Matching rounds, proposals and one's pair. */
export const matching = {
  name: 'match',
  commands: { pair: pairCommand, match: matchCommand },
  actions: [matchActions],
  formerActionIds: { 'pr.yes': 'match.ok', 'pr.no': 'match.no' },
  timers: {
    [PROPOSAL_EXPIRE_TIMER]: timer(proposalExpirePayload, (db, deps, { proposalId }, _timer, now) =>
      expireProposal(db, deps, proposalId, now),
    ),
    [PROPOSAL_REMIND_TIMER]: timer(proposalExpirePayload, (db, deps, { proposalId }, _timer, now) =>
      remindProposal(db, deps, proposalId, now),
    ),
  },
  jobs: {
    match: {
      schedule: (config) => config.MATCH_CRON,
      async run(deps, now) {
        await runScheduledRound(deps, now);
        deps.outbox.kick();
      },
    },
  },
  messages: { en, ru },
} satisfies Feature;
