import type { ChannelProblem } from '../../core/adapter';
import type { EngineDeps } from '../../core/context';
import type { DbOrTx } from '../../db/client';
import { CONTENT_RECEIPT } from '../content/post';
import { contentPostReceipt, storyReceipt } from '../content/receipts';
import { STORY_RECEIPT } from '../content/stories';

type Deps = Pick<EngineDeps, 'config' | 'adapters'>;

/** One message's end, as a receipt handler sees it. */
export interface ReceiptCall {
  /** The receipt's own arguments (who acted, on what). */
  args: string[];
  now: Date;
  /** The channel post's outbox id: keys follow-ups, so each is queued once per post. */
  messageId: number;
}

/** What a feature says once its channel post is delivered, or failed for good. */
export interface ReceiptHandler {
  /** True when it queued a message. */
  sent(db: DbOrTx, deps: Deps, call: ReceiptCall): boolean | Promise<boolean>;
  failed(
    db: DbOrTx,
    deps: Deps,
    call: ReceiptCall & { problem: ChannelProblem },
  ): boolean | Promise<boolean>;
  /** Its process died while posting it: it may or may not be there, and someone must look. */
  uncertain(db: DbOrTx, deps: Deps, call: ReceiptCall): boolean | Promise<boolean>;
}

/** Every receipt kind a message can carry (`payload.receipt.kind`). */
export const RECEIPTS: Readonly<Record<string, ReceiptHandler>> = {
  [CONTENT_RECEIPT]: contentPostReceipt,
  [STORY_RECEIPT]: storyReceipt,
};
