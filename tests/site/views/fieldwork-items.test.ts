import { describe, expect, it } from 'vitest';
import { fieldworkItems } from '../../../src/site/views/fieldwork-items.ts';

const report = (fieldwork: Record<string, string>, fieldworkLabels: Record<string, string> = {}) =>
  ({ meta: { fieldwork, fieldworkLabels } }) as Parameters<typeof fieldworkItems>[0];

describe('fieldworkItems(report)', () => {
  it('labels the known figures with their counters, in the file’s order', () => {
    expect(fieldworkItems(report({ forums: '20', questionnaires_issued: '910', site_visits: '50', questionnaires_valid: '885' }))).toEqual([
      { label: '召开座谈会', text: '20场' },
      { label: '发放调查问卷', text: '910份' },
      { label: '实地考察具体工作项目', text: '50个' },
      { label: '回收有效问卷', text: '885份' },
    ]);
  });

  it('names a key the site does not know as the edition names it', () => {
    expect(fieldworkItems(report({ interviews: '12' }, { interviews: '深度访谈人次' }))).toEqual([{ label: '深度访谈人次', text: '12' }]);
  });

  it.each(['hotline_calls', 'constructor', 'to_string', '__proto__x'])('shows the key %s as written when neither the site nor the edition names it', (key) => {
    expect(fieldworkItems(report({ [key]: '120余' }))).toEqual([{ label: key, text: '120余' }]);
  });

  it('gives nothing for a report without fieldwork figures', () => {
    expect(fieldworkItems(report({}))).toEqual([]);
  });
});
