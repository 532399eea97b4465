import fc from 'fast-check';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { applyToValue, editYaml, YamlEditError, yamlNumber, type YamlEdit } from '../../src/data/yaml-edit.ts';

const METHODS = ['unit', 'department', 'forum', 'site', 'survey'];
const load = (text: string) => yaml.load(text, { schema: yaml.CORE_SCHEMA });

describe('editYaml(text, edits)', () => {
  const cases: Array<[string, string, YamlEdit[], string]> = [
    ['replaces a number in a flow mapping, keeping the comment after it',
      'a: {x: 1, y: 2}   # note\n', [{ kind: 'set', path: ['a', 'y'], value: 3.5 }], 'a: {x: 1, y: 3.5}   # note\n'],
    ['replaces a number in a block mapping',
      'a:\n  x: 1 # one\n  y: 2\n', [{ kind: 'set', path: ['a', 'x'], value: 10 }], 'a:\n  x: 10 # one\n  y: 2\n'],
    ['adds a key to a flow mapping after its predecessor in the given order',
      's: {unit: 96, department: 98.5, forum: 94.5, survey: 95}\n',
      [{ kind: 'insert', path: ['s', 'site'], value: 92, order: METHODS }],
      's: {unit: 96, department: 98.5, forum: 94.5, site: 92, survey: 95}\n'],
    ['adds a key first when nothing precedes it in the order',
      's: {forum: 1}\n', [{ kind: 'insert', path: ['s', 'unit'], value: 2, order: METHODS }], 's: {unit: 2, forum: 1}\n'],
    ['adds a key to a block mapping at its siblings\' indentation',
      'g:\n    unit: 95\n    survey: 95\nnext: 1\n',
      [{ kind: 'insert', path: ['g', 'forum'], value: 90, order: METHODS }],
      'g:\n    unit: 95\n    forum: 90\n    survey: 95\nnext: 1\n'],
    ['adds a key after a block entry that ends the file without a line break',
      'g:\n  unit: 95', [{ kind: 'insert', path: ['g', 'site'], value: 1, order: METHODS }], 'g:\n  unit: 95\n  site: 1'],
    ['removes a key from the middle of a flow mapping',
      's: {unit: 1, forum: 2, survey: 3}\n', [{ kind: 'delete', path: ['s', 'forum'] }], 's: {unit: 1, survey: 3}\n'],
    ['removes the first keys of a flow mapping',
      's: {unit: 1, forum: 2, survey: 3}\n',
      [{ kind: 'delete', path: ['s', 'unit'] }, { kind: 'delete', path: ['s', 'forum'] }], 's: {survey: 3}\n'],
    ['removes a block entry with its nested criterion block, leaving the comment above the next key',
      'g:\n  department:\n    work: 57\n    effect: 38\n  # next\n  unit: 95\n',
      [{ kind: 'delete', path: ['g', 'department'] }], 'g:\n  # next\n  unit: 95\n'],
    ['replaces a flow criterion map by a number',
      'g: {department: {work: 57, effect: 38}, unit: 95}\n', [{ kind: 'set', path: ['g', 'department'], value: 96 }],
      'g: {department: 96, unit: 95}\n'],
    ['replaces a block criterion map by a number on its key\'s line',
      'g:\n  department:\n    work: 57\n    effect: 38\n  unit: 95\n', [{ kind: 'set', path: ['g', 'department'], value: 96 }],
      'g:\n  department: 96\n  unit: 95\n'],
    ['fills an empty flow mapping',
      'awareness: {}\n', [{ kind: 'insert', path: ['awareness', 'b'], value: 2, order: ['a', 'b'] },
        { kind: 'insert', path: ['awareness', 'a'], value: 1, order: ['a', 'b'] }], 'awareness: {a: 1, b: 2}\n'],
    ['writes a new mapping-valued key as a flow mapping',
      'issued: 9\nvalid: 8\nillustrative: [valid]\n',
      [{ kind: 'insert', path: ['awareness'], value: { x: 3 }, order: ['issued', 'valid', 'satisfied', 'awareness'] }],
      'issued: 9\nvalid: 8\nawareness: {x: 3}\nillustrative: [valid]\n'],
    ['turns a block mapping that loses every key into a flow mapping',
      'aw:\n  a: 1\n  b: 2\nz: 0\n', [{ kind: 'delete', path: ['aw', 'a'] }, { kind: 'delete', path: ['aw', 'b'] }], 'aw: {}\nz: 0\n'],
    ['keeps CRLF line ends',
      'g:\r\n  unit: 95\r\n', [{ kind: 'insert', path: ['g', 'site'], value: 1, order: METHODS }], 'g:\r\n  unit: 95\r\n  site: 1\r\n'],
    ['replaces a tagged number with its tag',
      'a: {x: !!float 1}\n', [{ kind: 'set', path: ['a', 'x'], value: 2 }], 'a: {x: 2}\n'],
    ['deletes and adds in one mapping at once',
      's: {unit: 1, forum: 2, survey: 3}\n',
      [{ kind: 'delete', path: ['s', 'forum'] }, { kind: 'insert', path: ['s', 'site'], value: 4, order: METHODS }],
      's: {unit: 1, site: 4, survey: 3}\n'],
  ];
  it.each(cases)('%s', (_name, before, edits, after) => {
    expect(editYaml(before, edits)).toBe(after);
  });

  it('gives back the same text for no edits', () => {
    const text = '# c\na: {x: 1}\n';
    expect(editYaml(text, [])).toBe(text);
  });

  it.each([
    ['a value written with an anchor', 'a: {x: &n 1}\nb: *n\n', ['a', 'x']],
    ['a value that is text, not a number', 'a: {x: "1"}\n', ['a', 'x']],
    ['a path that is not there', 'a: {x: 1}\n', ['a', 'y']],
  ])('refuses %s rather than guess', (_name, text, path) => {
    expect(() => editYaml(text, [{ kind: 'set', path, value: 2 }])).toThrow(YamlEditError);
  });

  it('refuses two edits of one path', () => {
    expect(() =>
      editYaml('a: {x: 1}\n', [
        { kind: 'set', path: ['a', 'x'], value: 2 },
        { kind: 'delete', path: ['a', 'x'] },
      ]),
    ).toThrow(/同一位置/);
  });

  // A document of units → methods → number or criterion map, each mapping in flow or block style, with comments.
  const scoreDoc = fc
    .uniqueArray(fc.constantFrom('alpha', 'beta', 'gamma', 'delta'), { minLength: 1, maxLength: 4 })
    .chain((units) =>
      fc.record({
        units: fc.constant(units),
        rows: fc.array(
          fc.record({
            methods: fc.subarray(METHODS, { minLength: 1 }),
            flow: fc.boolean(),
            comment: fc.boolean(),
            values: fc.array(fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constant({ work: 50, effect: 40.5 })), { minLength: 5, maxLength: 5 }),
          }),
          { minLength: units.length, maxLength: units.length },
        ),
      }),
    )
    .map(({ units, rows }) => {
      const lines = ['# scores', 'id: x', 'scores:'];
      units.forEach((unit, u) => {
        const row = rows[u]!;
        const value = (i: number) => row.values[i]!;
        const text = (v: number | { work: number; effect: number }) => (typeof v === 'number' ? String(v) : `{work: ${v.work}, effect: ${v.effect}}`);
        if (row.comment) lines.push(`  # about ${unit}`);
        if (row.flow) lines.push(`  ${unit}: {${row.methods.map((m, i) => `${m}: ${text(value(i))}`).join(', ')}}`);
        else {
          lines.push(`  ${unit}:`);
          row.methods.forEach((m, i) => lines.push(`    ${m}: ${text(value(i))}`));
        }
      });
      lines.push('illustrative: [scores]', '');
      return lines.join('\n');
    });

  it('always reads back as the edited value, and leaves the lines of untouched units as they were', () => {
    fc.assert(
      fc.property(scoreDoc, fc.infiniteStream(fc.tuple(fc.nat(), fc.nat(), fc.nat(100))), (text, choices) => {
        const doc = load(text) as { scores: Record<string, Record<string, unknown>> };
        const units = Object.keys(doc.scores);
        const edits: YamlEdit[] = [];
        const touched = new Set<string>();
        const iterator = choices[Symbol.iterator]();
        for (const unit of units) {
          const [pick, which, value] = iterator.next().value as [number, number, number];
          if (pick % 3 === 0) continue;
          const present = Object.keys(doc.scores[unit]!);
          const absent = METHODS.filter((m) => !present.includes(m));
          const method = present[which % present.length]!;
          touched.add(unit);
          if (pick % 3 === 1) edits.push({ kind: 'set', path: ['scores', unit, method], value: value + 0.5 });
          else if (absent.length > 0) edits.push({ kind: 'insert', path: ['scores', unit, absent[which % absent.length]!], value, order: METHODS });
          else if (present.length > 1) edits.push({ kind: 'delete', path: ['scores', unit, method] });
        }
        const after = editYaml(text, edits);
        expect(load(after)).toEqual(applyToValue(doc, edits));
        const blocks = text.split(/\n(?=  [a-z# ])/);
        for (const block of blocks) {
          const unit = /^ {2}(?:# about )?([a-z]+)/.exec(block)?.[1];
          if (unit && !touched.has(unit)) expect(after).toContain(block);
        }
        expect(after.startsWith('# scores\nid: x\nscores:\n')).toBe(true);
        expect(after.endsWith('illustrative: [scores]\n')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('yamlNumber(value)', () => {
  it.each([
    [95.5, '95.5'],
    [0, '0'],
    [-0, '0'],
    [1e-7, '1e-7'],
    [100, '100'],
  ])('writes %s as %s, which YAML reads back as the same number', (value, text) => {
    expect(yamlNumber(value)).toBe(text);
    expect(load(`v: ${text}`)).toEqual({ v: value === 0 ? 0 : value });
  });
});
