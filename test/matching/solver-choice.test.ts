import { describe, expect, it } from 'vitest';
import { fitsAuction } from '../../src/features/matching/auction';
import { EdgeList } from '../../src/features/matching/solver';

/** `mentors` mentors of one place each, `mentees` mentees, every pair an edge of `weight(i, j)`. */
function network(mentors: number, mentees: number, weight: (i: number, j: number) => number) {
  const edges = new EdgeList();
  for (let i = 0; i < mentors; i++)
    for (let j = 0; j < mentees; j++) edges.push(i, j, weight(i, j));
  return {
    mentorLimit: Array.from({ length: mentors }, () => 1),
    hubs: Array.from({ length: mentors }, (_, i) => ({ mentor: i, capacity: 1 })),
    menteeCount: mentees,
    edges,
  };
}

describe('which solver a round takes', () => {
  it('takes the auction where places are fewer than mentees, even with tied scores', () => {
    expect(fitsAuction(network(8, 10, () => 5))).toBe(true);
  });

  it('takes the auction with as many places as mentees when scores differ', () => {
    expect(fitsAuction(network(10, 10, (i, j) => 1 + ((i * 7 + j * 3) % 9)))).toBe(true);
  });

  it('takes the primal–dual method with as many places as mentees and most scores tied', () => {
    // Places that want the same mentees as much as each other bid prices up by ε at a time.
    expect(fitsAuction(network(10, 10, (i, j) => (i === j ? 9 : 5)))).toBe(false);
  });

  it('takes the primal–dual method with more places than mentees and a hub of many places', () => {
    // The places of one hub bid one at a time, and reverse steps read each of them.
    const net = network(10, 10, (i, j) => 1 + ((i * 7 + j * 3) % 9));
    const hubs = net.hubs.map((h, i) => (i === 0 ? { ...h, capacity: 12 } : h));
    const mentorLimit = net.mentorLimit.map((l, i) => (i === 0 ? 12 : l));
    expect(fitsAuction({ ...net, hubs, mentorLimit })).toBe(false);
    // With fewer places than mentees it still takes the auction.
    expect(fitsAuction({ ...net, hubs, mentorLimit, menteeCount: 40 })).toBe(true);
  });

  it('takes the primal–dual method where a mentor’s limit binds across two hubs', () => {
    const net = network(8, 10, (i, j) => 1 + ((i + j) % 5));
    const hubs = [...net.hubs, { mentor: 0, capacity: 3 }];
    expect(fitsAuction({ ...net, hubs, mentorLimit: net.mentorLimit.map(() => 2) })).toBe(false);
  });
});
