import { describe, expect, it } from 'vitest';
import {
  PRICED_PER_MENTEE,
  SPREAD_OFFERS,
  spreadOffers,
} from '../../src/features/matching/pricing';

/** Improving pairs [mentor, mentee 0, weight] for mentors 0…count−1, gains 20, 19, … (highest first). */
function finds(count: number): { finds: [number, number, number][]; gains: number[] } {
  return {
    finds: Array.from({ length: count }, (_, i): [number, number, number] => [i, 0, 20]),
    gains: Array.from({ length: count }, (_, i) => 20 - i),
  };
}

/** Twelve improving pairs; the two who gain the most were offered to 3 × SPREAD_OFFERS mentees already. */
function twoOffered(): {
  many: ReturnType<typeof finds>;
  offers: Int32Array;
  room: Int32Array;
} {
  const many = finds(PRICED_PER_MENTEE + 2);
  const offers = new Int32Array(many.finds.length);
  const room = new Int32Array(many.finds.length).fill(1);
  offers[0] = 3 * SPREAD_OFFERS;
  offers[1] = 3 * SPREAD_OFFERS;
  return { many, offers, room };
}

describe('the pairs one look of the optimality check adds for a mentee', () => {
  it('are every improving pair when there are no more than a pass adds, each counted as an offer', () => {
    const few = finds(PRICED_PER_MENTEE);
    const offers = new Int32Array(PRICED_PER_MENTEE);
    const room = new Int32Array(PRICED_PER_MENTEE).fill(1);
    expect(spreadOffers(few.finds, few.gains, offers, room)).toEqual(few.finds);
    expect([...offers]).toEqual(new Array(PRICED_PER_MENTEE).fill(1));
  });

  it('pass over mentors already offered to many mentees this pass, for the next best', () => {
    // The two who gain the most (20, 19) count a quarter of that (5, 4.75), below every
    // other mentor's gain (18 to 9).
    const { many, offers, room } = twoOffered();
    const chosen = spreadOffers(many.finds, many.gains, offers, room).map(([i]) => i);
    expect(chosen).toHaveLength(PRICED_PER_MENTEE);
    expect(chosen).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    // Offers are counted for the chosen ones only.
    expect(offers[0]).toBe(3 * SPREAD_OFFERS);
    expect(offers[11]).toBe(1);
  });

  it('count offers against the places a mentor has: a large group is not passed over as soon', () => {
    const { many, offers, room } = twoOffered();
    room[0] = 30;
    const chosen = spreadOffers(many.finds, many.gains, offers, room).map(([i]) => i);
    expect(chosen[0]).toBe(0);
    expect(chosen).not.toContain(1);
  });
});
