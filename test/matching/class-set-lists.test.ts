import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClassSetLists } from '../../src/features/matching/mentor-index';

describe("the index's table of interest lists", () => {
  it('finds every list by its class and set, and no other', () => {
    fc.assert(
      fc.property(
        // Keys up to three interests among thousands pass 2^31; classes collide on purpose.
        fc.uniqueArray(
          fc.tuple(fc.integer({ min: 0, max: 40 }), fc.oneof(fc.nat(50), fc.nat(2 ** 40))),
          {
            selector: ([k, key]) => `${k}:${key}`,
            maxLength: 300,
          },
        ),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.nat(2 ** 40)), { maxLength: 50 }),
        (pairs, probes) => {
          const table = new ClassSetLists(pairs.flat(), 82);
          pairs.forEach(([k, key], n) => {
            expect(table.get(k, key)).toBe(n);
          });
          const known = new Map(pairs.map(([k, key], n) => [`${k}:${key}`, n]));
          for (const [k, key] of probes)
            expect(table.get(k, key)).toBe(known.get(`${k}:${key}`) ?? -1);
          // The same key in another class, and the low 32 bits of a large key, are other sets.
          for (const [k, key] of pairs) {
            expect(table.get(k + 41, key)).toBe(-1);
            if (key >= 2 ** 32 && !known.has(`${k}:${key % 2 ** 32}`))
              expect(table.get(k, key % 2 ** 32)).toBe(-1);
          }
        },
      ),
    );
  });
});
