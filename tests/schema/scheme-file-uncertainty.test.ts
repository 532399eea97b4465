/**
 * scheme.yaml's `uncertainty` block: what it accepts, and that every bad
 * value is refused on its own line with a Chinese message.
 */
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/data/errors.ts';
import { parseEdition } from '../../src/schema/edition.ts';
import { MAX_DRAWS, uncertaintySchema } from '../../src/schema/scheme-file.ts';
import { edit, issuesOf, rawFiles, readEditionTexts } from './edition-files.ts';

const small = readEditionTexts();

/** The small edition with `lines` added to scheme.yaml after line 13 (`spread_method`). */
const withBlock = (lines: string) => edit(small, 'scheme.yaml', 'spread_method: department\n', `spread_method: department\n${lines}\n`);

describe('scheme.yaml uncertainty', () => {
  it('is optional', () => {
    const result = parseEdition(rawFiles(small));
    expect('edition' in result && result.edition.scheme.uncertainty).toBeUndefined();
  });

  it.each([
    ['every field', 'uncertainty: {draws: 10000, seed: 20180706, weights: 0.25, lead_weight: [0.4, 0.6], not_applicable: [lowest, exclude, zero]}',
      { draws: 10000, seed: 20180706, weights: 0.25, lead_weight: [0.4, 0.6], not_applicable: ['lowest', 'exclude', 'zero'] }],
    ['only draws and seed', 'uncertainty: {draws: 1, seed: 0}', { draws: 1, seed: 0 }],
    ['a fixed lead weight and the largest draws and seed', `uncertainty: {draws: ${MAX_DRAWS}, seed: 4294967295, lead_weight: 0.5}`,
      { draws: MAX_DRAWS, seed: 4294967295, lead_weight: 0.5 }],
    ['a lead weight range of one value', 'uncertainty: {draws: 5, seed: 1, lead_weight: [0.5, 0.5], weights: 0}',
      { draws: 5, seed: 1, lead_weight: [0.5, 0.5], weights: 0 }],
    ['illustrative naming it', 'uncertainty: {draws: 5, seed: 1}\nillustrative: [uncertainty]', { draws: 5, seed: 1 }],
  ])('accepts %s', (_, lines, expected) => {
    const result = parseEdition(rawFiles(withBlock(lines)));
    if ('issues' in result) throw new Error(result.issues.map(formatIssue).join('\n'));
    expect(result.edition.scheme.uncertainty).toEqual(expected);
  });

  // Line 14 holds the block in flow style; the multi-line cases put a field on its own line.
  it.each([
    ['no draws', 'uncertainty: {seed: 1}', 14, 'uncertainty.draws', /缺少必填字段/],
    ['no seed', 'uncertainty: {draws: 5}', 14, 'uncertainty.seed', /缺少必填字段/],
    ['zero draws', 'uncertainty: {draws: 0, seed: 1}', 14, 'uncertainty.draws', /数值过小 \(expected a number >= 1, found 0\)/],
    ['draws above the cap', `uncertainty: {draws: ${MAX_DRAWS + 1}, seed: 1}`, 14, 'uncertainty.draws', /数值过大 \(expected a number <= 100000, found 100001\)/],
    ['fractional draws', 'uncertainty: {draws: 10.5, seed: 1}', 14, 'uncertainty.draws', /应为整数/],
    ['quoted draws', 'uncertainty: {draws: "10", seed: 1}', 14, 'uncertainty.draws', /不要加引号/],
    ['a negative seed', 'uncertainty: {draws: 5, seed: -1}', 14, 'uncertainty.seed', /数值过小/],
    ['a seed beyond 32 bits', 'uncertainty: {draws: 5, seed: 4294967296}', 14, 'uncertainty.seed', /数值过大/],
    ['a fractional seed', 'uncertainty: {draws: 5, seed: 1.5}', 14, 'uncertainty.seed', /应为整数/],
    ['a weight spread of 1', 'uncertainty: {draws: 5, seed: 1, weights: 1}', 14, 'uncertainty.weights', /数值过大 \(expected a number < 1, found 1\)/],
    ['a negative weight spread', 'uncertainty: {draws: 5, seed: 1, weights: -0.1}', 14, 'uncertainty.weights', /数值过小/],
    ['a lead weight above 1', 'uncertainty: {draws: 5, seed: 1, lead_weight: 1.5}', 14, 'uncertainty.lead_weight', /\(expected a number <= 1, found 1\.5\)/],
    ['a lead weight range above 1', 'uncertainty:\n  draws: 5\n  seed: 1\n  lead_weight: [0.4, 1.2]', 17, 'uncertainty.lead_weight[1]', /数值过大/],
    ['a reversed lead weight range', 'uncertainty:\n  draws: 5\n  seed: 1\n  lead_weight: [0.6, 0.4]', 17, 'uncertainty.lead_weight',
      /下限不能大于上限 \(expected low <= high, found \[0\.6, 0\.4\]\)/],
    ['a lead weight range of one number', 'uncertainty: {draws: 5, seed: 1, lead_weight: [0.4]}', 14, 'uncertainty.lead_weight',
      /应为 0～1 之间的一个数，或 \[下限, 上限\] \(expected a number or a \[low, high\] pair, found a list of 1\)/],
    ['a lead weight given as text', 'uncertainty: {draws: 5, seed: 1, lead_weight: half}', 14, 'uncertainty.lead_weight', /found "half"/],
    ['an empty policy list', 'uncertainty: {draws: 5, seed: 1, not_applicable: []}', 14, 'uncertainty.not_applicable', /列表不能为空/],
    ['an unknown policy', 'uncertainty: {draws: 5, seed: 1, not_applicable: [minimum]}', 14, 'uncertainty.not_applicable[0]', /应为 exclude、lowest、zero 之一/],
    ['a policy listed twice', 'uncertainty:\n  draws: 5\n  seed: 1\n  not_applicable:\n    - zero\n    - lowest\n    - zero', 20,
      'uncertainty.not_applicable[2]', /不适用项计分方式重复 \(expected distinct policies, found "zero" again\)/],
    ['a misspelt field', 'uncertainty:\n  draws: 5\n  seed: 1\n  weight: 0.2', 17, 'uncertainty.weight', /未知字段/],
    ['a block that is not a mapping', 'uncertainty: 10000', 14, 'uncertainty', /类型不对/],
  ] as const)('refuses %s on its line', (_, lines, line, path, message) => {
    const issues = issuesOf(withBlock(lines));
    const found = issues.find((i) => i.path === path);
    expect(found, issues.map(formatIssue).join('\n')).toBeDefined();
    expect(found).toMatchObject({ file: 'data/scheme.yaml', line });
    expect(found!.message).toMatch(message);
  });

  it('lets illustrative name it only when it is there', () => {
    const issues = issuesOf(withBlock('illustrative: [uncertainty]'));
    expect(issues.map((i) => i.path)).toEqual(['illustrative[0]']);
  });
});

describe('uncertaintySchema', () => {
  it('keeps a lead weight range as a pair and a single lead weight as a number', () => {
    expect(uncertaintySchema.parse({ draws: 1, seed: 1, lead_weight: [0.2, 0.3] }).lead_weight).toEqual([0.2, 0.3]);
    expect(uncertaintySchema.parse({ draws: 1, seed: 1, lead_weight: 0.2 }).lead_weight).toBe(0.2);
  });
});
