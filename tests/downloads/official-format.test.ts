import { describe, expect, it } from 'vitest';
import { CHARACTER, CHARACTER_SPACING, characters, documentGrid, GRID, mm, PAGE, SIZE, TEXT_HEIGHT, TEXT_WIDTH } from '../../src/downloads/official-format.ts';

describe('the measures of GB/T 9704-2012', () => {
  it('is A4 with a text block of 156 × 225 mm, 37 mm from the top and 28 mm from the left', () => {
    expect([PAGE.width, PAGE.height]).toEqual([11906, 16838]);
    expect(PAGE.top).toBe(mm(37));
    expect(PAGE.left).toBe(mm(28));
    expect(Math.abs(TEXT_WIDTH - mm(156))).toBeLessThanOrEqual(1);
    expect(Math.abs(TEXT_HEIGHT - mm(225))).toBeLessThanOrEqual(1);
  });

  it('lays a grid whose pitches give 22 lines of 28 characters of 三号, and not one more', () => {
    const { linePitch, charSpace } = documentGrid({ width: TEXT_WIDTH, height: TEXT_HEIGHT, bodySize: SIZE.sanhao });
    expect(Math.floor(TEXT_HEIGHT / linePitch)).toBe(GRID.lines);
    const pitch = (SIZE.sanhao / 2 + charSpace / 4096) * 20;
    expect(Math.floor(TEXT_WIDTH / pitch)).toBe(GRID.characters);
    expect(charSpace).toBeLessThan(0);
  });

  it('spaces body characters so that 28 fit a line, but not 29', () => {
    const advance = SIZE.sanhao * 10 + CHARACTER_SPACING;
    expect(Math.floor(TEXT_WIDTH / advance)).toBe(GRID.characters);
  });

  it('gives indents in twips and in hundredths of a character', () => {
    expect(characters(2)).toEqual({ twips: Math.round(2 * CHARACTER), chars: 200 });
    expect(characters(0)).toEqual({ twips: 0, chars: 0 });
  });
});
