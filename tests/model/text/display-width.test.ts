import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../../src/model/text/display-width.ts';

describe('displayWidth(text)', () => {
  it.each([
    ['', 0],
    ['92.56', 5],
    ['张店区', 6],
    ['（一）', 6],
    ['“制度”', 8],
    ['淄改办发〔2017〕2号', 19],
    ['ＡＢ', 4],
  ])('counts %j as %i columns', (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });
});
