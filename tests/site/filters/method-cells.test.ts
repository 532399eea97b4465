import { describe, expect, it } from 'vitest';
import { methodCells } from '../../../src/site/filters/method-cells.ts';

const scheme = { decimals: 2, methods: [{ id: 'forum' }, { id: 'field' }, { id: 'survey' }] };

describe('methodCells(scores, scheme)', () => {
  it('writes one numeric cell per method, in the scheme’s order, with the scheme’s decimals', () => {
    expect(methodCells({ survey: 90.5, forum: 95 }, scheme)).toBe(
      '<td class="num">95.00</td><td class="num">—</td><td class="num">90.50</td>',
    );
  });

  it('keeps a zero score and the scheme’s decimals', () => {
    expect(methodCells({ forum: 0, field: 88.125, survey: 100 }, { ...scheme, decimals: 1 })).toBe(
      '<td class="num">0.0</td><td class="num">88.1</td><td class="num">100.0</td>',
    );
  });

  it('writes a dash for every method when the unit has no scores, and nothing for a scheme without methods', () => {
    expect(methodCells(undefined, scheme)).toBe('<td class="num">—</td>'.repeat(3));
    expect(methodCells({ forum: 1 }, { decimals: 2, methods: [] })).toBe('');
  });

  it('escapes whatever a score prints, so markup never comes from the data', () => {
    expect(methodCells({ forum: '<b>' as unknown as number }, { decimals: 2, methods: [{ id: 'forum' }] })).toBe('<td class="num">&lt;b&gt;</td>');
  });

  it('writes a dash for a method named constructor or toString that the unit has no score by, even on a plain object', () => {
    const methods = [{ id: 'constructor' }, { id: 'toString' }];
    expect(methodCells({}, { decimals: 2, methods })).toBe('<td class="num">—</td>'.repeat(2));
    expect(methodCells({ constructor: 90 } as Record<string, number>, { decimals: 2, methods })).toBe('<td class="num">90.00</td><td class="num">—</td>');
  });
});
