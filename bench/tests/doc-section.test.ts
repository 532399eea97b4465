import { describe, expect, it } from 'vitest';
import { replaceSection } from '../doc-section.ts';

describe('replaceSection(document, name, body)', () => {
  it('appends the section with its markers when the document has none', () => {
    expect(replaceSection('# Perf\n', 'bench', '| a |')).toBe('# Perf\n\n<!-- bench:start -->\n| a |\n<!-- bench:end -->\n');
  });

  it('replaces only what lies between the markers', () => {
    const doc = 'before\n<!-- bench:start -->\nold\n<!-- bench:end -->\nafter\n';
    expect(replaceSection(doc, 'bench', 'new\n')).toBe('before\n<!-- bench:start -->\nnew\n<!-- bench:end -->\nafter\n');
  });

  it('leaves other sections alone', () => {
    const doc = '<!-- a:start -->\n1\n<!-- a:end -->\n<!-- b:start -->\n2\n<!-- b:end -->\n';
    expect(replaceSection(doc, 'b', '3')).toBe('<!-- a:start -->\n1\n<!-- a:end -->\n<!-- b:start -->\n3\n<!-- b:end -->\n');
  });

  it('gives the same document when run twice with the same body', () => {
    const once = replaceSection('# P\n', 'x', 'body');
    expect(replaceSection(once, 'x', 'body')).toBe(once);
  });
});
