import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Page templates place text: what they show is a named field of the
 * report, a filter's text or a view's list. These are the ways a template
 * would compute instead, each with why it is refused.
 */
const COMPUTING: Array<[RegExp, string]> = [
  [/\.push\(/, 'builds a list (give the list a name in the model or a view)'],
  [/\|\s*(sort|groupby|sum|round|batch|slice|dictsort)\b/, 'sorts, groups or sums (the model or a view does)'],
  [/\{\{[^}]*\|\s*length\b[^}]*\}\}|\{\{[^}]*\.length\s*\}\}/, 'prints a count (name it in the model, e.g. stats.counts)'],
  [/\[[0-9]+\]/, 'reads a tuple by position (use named fields)'],
  [/loop\.index0?\s+in\b/, 'looks up a cell’s role by position (use a view such as chartTable)'],
  [/\{%\s*set\s+\w+\s*=\s*\{/, 'keeps a table of labels (a view or the model holds it)'],
  [/\{\{[^}]*[^\s|]\s[-+*/]\s[^}]*\}\}|\{%[^%]*\s[-+*/]\s\d[^%]*%\}/, 'does arithmetic'],
];

function templates(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.njk'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** Every line of `text` that matches a refused pattern, as `file:line why`. */
function computing(file: string, text: string): string[] {
  return text.split('\n').flatMap((line, i) => {
    const code = line.replace(/\{#[\s\S]*?#\}/g, '');
    return COMPUTING.filter(([pattern]) => pattern.test(code)).map(([, why]) => `${file}:${i + 1} ${why}`);
  });
}

describe('the page templates', () => {
  const root = path.resolve(import.meta.dirname, '../../templates');

  it('compute nothing: no lists built, sorted or counted, no tuples, label tables or arithmetic', () => {
    const found = templates(root).flatMap((file) => computing(path.relative(process.cwd(), file), readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });

  it('wrap every table figure in the one macro', () => {
    const wrappers = templates(root).filter((file) => readFileSync(file, 'utf8').includes('class="table-figure"'));
    expect(wrappers.map((file) => path.relative(root, file))).toEqual([path.join('_includes', 'macros.njk')]);
  });
});

describe('what the template check refuses', () => {
  it.each([
    ['{% set pushed = rows.push(x) %}'],
    ['{% for e in report.experiences | sort(false, false, "order") %}'],
    ['牵头{{ dept.experiences.length }}项'],
    ['{{ g[1] }}'],
    ['{% if loop.index0 in spec.numericColumns %}'],
    ['{% set labels = { a: 1 } %}'],
    ['{% set entry = unit.experiences[ex.order - 1] %}'],
    ['{{ a - b }}'],
  ])('refuses %s', (line) => {
    expect(computing('t.njk', line)).not.toEqual([]);
  });

  it.each([
    ['{% if report.notApplicable.length %}'],
    ['{{ report.stats.counts.scenarios }}种方案'],
    ['{{ e.leadTotal | score(scheme.decimals) }}'],
    ['<li><a href="#annex-1">附件1　{{ report | annexTitle(1) }}</a></li>'],
    ["{% call tableFigure('sensitivity-' ~ table.id, '各方案下的' ~ table.noun ~ '排名', 'wide-table') %}"],
    ['{{ row.min }}–{{ row.max }}'],
  ])('lets %s through', (line) => {
    expect(computing('t.njk', line)).toEqual([]);
  });
});
