import { describe, expect, it } from 'vitest';
import { jsonText } from '../../../src/site/filters/json.ts';

describe('jsonText(value)', () => {
  it('escapes <, >, & and the line separators so a script block stays inert', () => {
    const text = jsonText({ name: '</script><b>&\u2028\u2029' });
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text).toContain('\\u003c/script\\u003e');
  });

  it('round-trips through JSON.parse to the same value', () => {
    const value = { title: '“互联网+”</script>', n: [1, 2.5], ok: true };
    expect(JSON.parse(jsonText(value))).toEqual(value);
  });

  it('prints null for a missing value', () => {
    expect(jsonText(undefined)).toBe('null');
  });
});
