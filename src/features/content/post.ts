import type { Ctx } from '../../core/context';
import { enqueue } from '../../core/outbox';
import { one } from '../../db/first';
import { audit } from '../../db/queries/audit';
import { contentPosts } from '../../db/schema';
import { alwaysReachable } from '../channels/configured';
import { channelTarget } from '../matching/scheduled';

/** The receipt an `admin post` carries (./receipts): who posted, which post. */
export const CONTENT_RECEIPT = 'content';

/** A link HR may post: http(s) only, and short enough to read. */
const URL_MAX = 500;
const COMMENT_MAX = 1000;

export function parseLink(raw: string): string | undefined {
  if (raw.length > URL_MAX) return undefined;
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

/** `admin post <link> <comment>`: an article, study or news item to the content channel. */
export async function adminPost(ctx: Ctx, rest: string): Promise<boolean> {
  const [rawUrl = '', ...words] = rest.split(/\s+/);
  const comment = words.join(' ').trim();
  if (!rawUrl) return false;
  const url = parseLink(rawUrl);
  if (!url) {
    ctx.reply({ kind: 'text', text: ctx.t('content.badLink') });
    return true;
  }
  if (!comment) {
    ctx.reply({ kind: 'text', text: ctx.t('content.badComment', { max: COMMENT_MAX }) });
    return true;
  }
  if (comment.length > COMMENT_MAX) {
    const n = comment.length;
    ctx.reply({ kind: 'text', text: ctx.t('content.longComment', { n, max: COMMENT_MAX }) });
    return true;
  }
  const channel = channelTarget(ctx.deps.config.CONTENT_CHANNEL);
  if (!channel) {
    ctx.reply({ kind: 'text', text: ctx.t('content.noChannel') });
    return true;
  }
  const locale = ctx.deps.config.DEFAULT_LOCALE;
  const post = await one(
    ctx.tx
      .insert(contentPosts)
      .values({ byUserId: ctx.user.id, url, comment, createdAt: ctx.now })
      .returning(),
  );
  await enqueue(
    ctx.tx,
    {
      dedupeKey: `content:${post.id}`,
      target: channel,
      payload: {
        kind: 'reply',
        reply: { kind: 'text', text: `📚 ${comment}\n${url}` },
        locale,
        receipt: { kind: CONTENT_RECEIPT, args: [String(ctx.user.id), String(post.id)] },
      },
    },
    ctx.now,
  );
  await audit(
    ctx.tx,
    { actorUserId: ctx.user.id, action: 'content.posted', details: { post: post.id } },
    ctx.now,
  );
  // "Posted" waits for the channel to take it (./receipts); where that can take a while, or
  // fail, HR hears now that it is on its way. The console's channels take it at once.
  if (!alwaysReachable(ctx.deps, channel))
    ctx.reply({ kind: 'text', text: ctx.t('content.sending') });
  return true;
}
