import { describe, expect, it } from 'vitest';
import { countOption, UsageError } from '../count-option.ts';

describe('countOption(name, value, fallback, most)', () => {
  it('gives the fallback when the option is not given, and a whole number in range as given', () => {
    expect(countOption('repeat', undefined, 3, 100)).toBe(3);
    expect(countOption('repeat', '1', 3, 100)).toBe(1);
    expect(countOption('runs', '100', 7, 100)).toBe(100);
  });

  it.each(['', 'abc', '0', '-1', '2.5', '101', '1e9', 'NaN', 'Infinity', ' ', '0x10'])('refuses %j, naming the option', (value) => {
    expect(() => countOption('repeat', value, 3, 100)).toThrow(UsageError);
    expect(() => countOption('repeat', value, 3, 100)).toThrow(/^--repeat 须为 1～100 的整数/);
  });
});
