import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedEdits, boundedDistance, didYouMean, suggestionText } from '../../src/schema/did-you-mean.ts';

const units = Object.freeze([
  { id: 'zhangdian', name: '张店区' },
  { id: 'zichuan', name: '淄川区' },
  { id: 'boshan', name: '博山区' },
  { id: 'zhoucun', name: '周村区' },
  { id: 'linzi', name: '临淄区' },
  { id: 'high-tech-zone', name: '高新区' },
]);
const fields = ['id', 'title', 'batch', 'lead', 'origin', 'lead_assessment', 'scores', 'not_applicable'].map((id) => ({ id }));

describe('didYouMean(input, candidates)', () => {
  it.each([
    ['a transposition', 'zichaun', 'zichuan'],
    ['a transposition at the start', 'izchuan', 'zichuan'],
    ['one letter missing', 'zichan', 'zichuan'],
    ['one letter too many', 'zichuuan', 'zichuan'],
    ['one letter wrong', 'zichuen', 'zichuan'],
    ['two edits in a long id', 'zhangdain2', 'zhangdian'],
    ['two edits: a missing and a wrong letter', 'hgh-tech-zome', 'high-tech-zone'],
    ['a different case', 'ZiChuan', 'zichuan'],
    ['full-width letters', 'ｚｉｃｈｕａｎ', 'zichuan'],
    ['underscores for hyphens', 'high_tech_zone', 'high-tech-zone'],
    ['blanks around, a full-width space included', '\u3000linzi ', 'linzi'],
    ['one edit in a five-letter id', 'linzy', 'linzi'],
    ['the Chinese name', '淄川区', 'zichuan'],
    ['the Chinese name without its suffix', '淄川', 'zichuan'],
    ['the Chinese name with the city before it', '淄博市淄川区', 'zichuan'],
    ['the Chinese name with one character wrong', '淄州区', 'zichuan'],
    ['the Chinese name with two characters swapped', '店张区', 'zhangdian'],
  ])('finds the unit from %s (%s → %s)', (_, input, id) => {
    expect(didYouMean(input, units)?.id).toBe(id);
  });

  it.each([
    ['a misspelt field name', 'lead_assesment', 'lead_assessment'],
    ['a field name with a hyphen', 'not-applicable', 'not_applicable'],
    ['a field name with a transposition', 'scroes', 'scores'],
    ['a four-letter field one edit away', 'laed', 'lead'],
  ])('finds the field from %s (%s → %s)', (_, input, id) => {
    expect(didYouMean(input, fields)?.id).toBe(id);
  });

  it.each([
    ['three edits away', 'zichxxx'],
    ['unrelated', 'qingdao'],
    ['two edits from a five-letter id', 'lnizy'],
    ['a two-letter input one edit from a two-letter id', 'ie'],
    ['empty', ''],
    ['blank', '\u3000 '],
    ['a Chinese name of another city', '青岛市'],
    ['one character, which several names contain', '区'],
    ['a name one edit from two names', '川淄区'],
  ])('suggests nothing when the input is %s (%j)', (_, input) => {
    expect(didYouMean(input, [...units, { id: 'id' }])).toBeUndefined();
  });

  it('suggests nothing for a very short id where every candidate is close', () => {
    const short = [{ id: 'ab' }, { id: 'ac' }, { id: 'bc' }];
    expect(didYouMean('aa', short)).toBeUndefined();
    expect(didYouMean('cb', short)).toBeUndefined();
  });

  it('suggests nothing for a part of a name that several names contain', () => {
    expect(didYouMean('张店', [...units, { id: 'zhangdian-town', name: '张店镇' }])).toBeUndefined();
  });

  it('suggests nothing when two candidates are equally near', () => {
    expect(didYouMean('unit', [{ id: 'unix' }, { id: 'units' }])).toBeUndefined();
    expect(didYouMean('unit', [{ id: 'unix' }, { id: 'forum' }])?.id).toBe('unix');
  });

  it('returns the candidate object itself, name included', () => {
    const found = didYouMean('zichaun', units);
    expect(found).toBe(units[1]);
  });

  it('suggests nothing from an empty list', () => {
    expect(didYouMean('zichuan', [])).toBeUndefined();
  });

  it('finds the same id as comparing the input with every candidate', () => {
    // The rule spelt out naively: the unique nearest id within the edits allowed (lists past 32 ids are searched through an index).
    const naive = (input: string, ids: string[]) => {
      const scored = ids
        .map((id) => ({ id, distance: boundedDistance(input, id, 10), allowed: allowedEdits(Math.min(input.length, id.length)) }))
        .filter((c) => c.allowed > 0 && c.distance <= c.allowed);
      const best = Math.min(...scored.map((c) => c.distance));
      const nearest = scored.filter((c) => c.distance === best);
      return nearest.length === 1 ? nearest[0]!.id : undefined;
    };
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), minLength: 1, maxLength: 9 });
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 60 }), word, (ids, input) => {
        fc.pre(!ids.includes(input));
        expect(didYouMean(input, ids.map((id) => ({ id })))?.id).toBe(naive(input, ids));
      }),
      { numRuns: 2000 },
    );
  });

  it('answers ten thousand questions about 450 units within seconds', () => {
    const many = Array.from({ length: 450 }, (_, i) => ({ id: `unit-${String(i).padStart(4, '0')}`, name: `单位${i}区` }));
    const started = performance.now();
    for (let i = 0; i < 10_000; i++) {
      didYouMean(`unit-${String(i).padStart(5, '0')}x`, many);
      didYouMean(`单位${i}县`, many);
    }
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('answers fast for a very long input and many candidates', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({ id: `unit-${i}`, name: `单位${i}` }));
    const started = performance.now();
    expect(didYouMean('x'.repeat(100_000), many)).toBeUndefined();
    expect(didYouMean('unit-4999x', many)?.id).toBe('unit-4999');
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

describe('boundedDistance(a, b, max)', () => {
  it.each([
    ['zichuan', 'zichuan', 0],
    ['zichaun', 'zichuan', 1],
    ['zichuan', 'zichuan-x', 2],
    ['ca', 'abc', 3],
    ['', 'abc', 3],
  ])('measures %s → %s as %i edits', (a, b, distance) => {
    expect(boundedDistance(a, b, 5)).toBe(distance);
  });

  it('stops at max + 1', () => {
    expect(boundedDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });

  it('is symmetric, zero only for equal words, and at most the edits made', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 8 });
    fc.assert(
      fc.property(word, word, (a, b) => {
        const d = boundedDistance(a, b, 10);
        expect(boundedDistance(b, a, 10)).toBe(d);
        expect(d === 0).toBe(a === b);
      }),
    );
    fc.assert(
      fc.property(word.filter((w) => w.length >= 2), fc.nat(), (w, at) => {
        const i = at % (w.length - 1);
        const swapped = w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
        expect(boundedDistance(w, swapped, 10)).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('allowedEdits(length)', () => {
  it.each([
    [1, 0],
    [2, 0],
    [3, 1],
    [5, 1],
    [6, 2],
    [40, 2],
  ])('allows a %i-character word %i edits', (length, edits) => {
    expect(allowedEdits(length)).toBe(edits);
  });
});

describe('suggestionText(candidate)', () => {
  it.each([
    [{ id: 'zichuan', name: '淄川区' }, '是否应为 淄川区 (zichuan)？'],
    [{ id: 'lead_assessment' }, '是否应为 lead_assessment？'],
    [undefined, ''],
  ])('writes %j as %j', (candidate, text) => {
    expect(suggestionText(candidate)).toBe(text);
  });
});
