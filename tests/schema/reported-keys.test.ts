import { describe, expect, it } from 'vitest';
import { parseReportedKey } from '../../src/schema/reported-keys.ts';

describe('parseReportedKey(key)', () => {
  it.each([
    ['satisfaction', { kind: 'statistic', statistic: 'satisfaction' }],
    ['experience_mean', { kind: 'statistic', statistic: 'experience_mean' }],
    ['spread:minor-criminal-cases', { kind: 'spread', experience: 'minor-criminal-cases' }],
    ['awareness:ai-gong-hui', { kind: 'awareness', experience: 'ai-gong-hui' }],
    ['count:experiences', { kind: 'count', count: 'experiences' }],
    ['count:units', { kind: 'count', count: 'units' }],
    ['count:departments', { kind: 'count', count: 'departments' }],
    ['count:scenarios', { kind: 'unknown' }],
    ['count:', { kind: 'unknown' }],
    ['median', { kind: 'unknown' }],
    ['spread:', { kind: 'unknown' }],
  ])('reads %s', (key, expected) => expect(parseReportedKey(key)).toEqual(expected));
});
