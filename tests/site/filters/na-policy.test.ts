import { describe, expect, it } from 'vitest';
import { naPolicy } from '../../../src/site/filters/na-policy.ts';
import { statusLabel } from '../../../src/site/filters/status-label.ts';

describe('naPolicy(policy)', () => {
  it.each([
    ['exclude', '不计入'],
    ['lowest', '最低'],
    ['zero', '0分'],
  ])('describes %s in Chinese (mentions %s)', (policy, words) => {
    expect(naPolicy(policy)).toContain(words);
  });

  it('gives an unknown policy back unchanged', () => {
    expect(naPolicy('median')).toBe('median');
  });
});

describe('statusLabel(status)', () => {
  it('names a discontinued experience and an active one differently', () => {
    expect(statusLabel('discontinued')).toBe('未持续推广');
    expect(statusLabel('active')).toBe('推广中');
  });
});
