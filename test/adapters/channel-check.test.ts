import { GrammyError } from 'grammy';
import { describe, expect, it } from 'vitest';
import { readChannelInfo } from '../../src/adapters/slack/channel-check';
import { channelProblemOf, readRights } from '../../src/adapters/telegram/channel-check';
import { telegramReason } from '../../src/adapters/telegram/delivery-errors';
import { DeliveryError } from '../../src/core/errors';

const grammy = (code: number, description: string) =>
  new GrammyError('call failed', { ok: false, error_code: code, description }, 'sendMessage', {});

describe('reading a platform’s answer about a channel', () => {
  it('Telegram: only an admin who may post posts in a channel; a group member may unless restricted', () => {
    const channel = { type: 'channel', title: 'News' };
    expect(readRights(channel, { status: 'administrator', can_post_messages: true })).toEqual({
      ok: true,
      name: 'News',
    });
    expect(readRights(channel, { status: 'administrator', can_post_messages: false })).toEqual({
      ok: false,
      problem: 'no_rights',
      name: 'News',
    });
    expect(readRights(channel, { status: 'left' })).toMatchObject({ problem: 'not_member' });
    const group = { type: 'supergroup', title: 'HR' };
    expect(readRights(group, { status: 'member' })).toMatchObject({ ok: true });
    expect(
      readRights({ ...group, permissions: { can_send_messages: false } }, { status: 'member' }),
    ).toMatchObject({ problem: 'no_rights' });
    expect(readRights(group, { status: 'restricted', can_send_messages: false })).toMatchObject({
      problem: 'no_rights',
    });
    expect(readRights(group, { status: 'kicked' })).toMatchObject({ problem: 'not_member' });
    // Not what Telegram answers: refused at the boundary, never guessed at.
    expect(() => readRights({ type: 'forum' }, { status: 'member' })).toThrow();
  });

  it('Telegram: a refused send names its problem, also wrapped in the outbox’s error', () => {
    const wrapped = (e: unknown) => new DeliveryError('delivery_permanent', 'x', { cause: e });
    expect(
      channelProblemOf(wrapped(grammy(403, 'Forbidden: bot is not a member of the channel chat'))),
    ).toBe('not_member');
    expect(channelProblemOf(grammy(403, 'Forbidden: bot was kicked from the group chat'))).toBe(
      'not_member',
    );
    expect(
      channelProblemOf(grammy(400, 'Bad Request: not enough rights to send text messages')),
    ).toBe('no_rights');
    expect(channelProblemOf(grammy(400, 'Bad Request: chat not found'))).toBe('not_found');
    expect(channelProblemOf(grammy(400, 'Bad Request: message is too long'))).toBeUndefined();
    // Read through the same codes the delivery logs carry, so the two never disagree.
    for (const [description, code, problem] of [
      ['Forbidden: the group chat was deleted', 'chat_deleted', 'not_found'],
      ['Bad Request: member list is inaccessible', 'member_list_inaccessible', 'not_member'],
      [
        'Bad Request: need administrator rights in the channel chat',
        'not_enough_rights',
        'no_rights',
      ],
      ['Bad Request: CHAT_WRITE_FORBIDDEN', 'chat_write_forbidden', 'no_rights'],
    ] as const) {
      expect(telegramReason(description)).toBe(code);
      expect(channelProblemOf(grammy(400, description))).toBe(problem);
    }
  });

  it('Slack: a member of a live channel posts; archived or not a member does not', () => {
    expect(readChannelInfo({ channel: { id: 'C1', name: 'hr', is_member: true } })).toEqual({
      ok: true,
      name: '#hr',
    });
    expect(readChannelInfo({ channel: { id: 'C1', name: 'hr', is_member: false } })).toEqual({
      ok: false,
      problem: 'not_member',
      name: '#hr',
    });
    expect(
      readChannelInfo({ channel: { id: 'C1', name: 'hr', is_member: true, is_archived: true } }),
    ).toMatchObject({ problem: 'archived' });
    expect(() => readChannelInfo({ ok: true })).toThrow();
  });
});
