import { describe, expect, it } from 'vitest';
import { rankLabel } from '../../../src/site/filters/rank-label.ts';

describe('rankLabel(item)', () => {
  it.each([
    [{ rank: 1, tied: false }, '第1名'],
    [{ rank: 3, tied: true }, '并列第3名'],
    [{ rank: 10 }, '第10名'],
    [{ rank: null, tied: false }, '不排名'],
    [undefined, '不排名'],
  ])('labels %j as %s', (item, expected) => {
    expect(rankLabel(item)).toBe(expected);
  });
});
