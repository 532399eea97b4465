import { describe, expect, it } from 'vitest';
import { tagAttributes, xmlTags } from '../../src/workbook/xml-tags.ts';

describe('xmlTags(xml)', () => {
  it('yields every tag in order, names without their namespace prefix', () => {
    const tags = [...xmlTags('<?xml version="1.0"?><x:c r="A1" t="s"><x:v>1</x:v></x:c><br/>')];
    expect(tags.map((t) => [t.name, t.closing, t.selfClosing])).toEqual([
      ['?xml', false, false],
      ['c', false, false],
      ['v', false, false],
      ['v', true, false],
      ['c', true, false],
      ['br', false, true],
    ]);
    expect(tags[1]!.attributes).toBe(' r="A1" t="s"');
  });

  it('stops at a tag that never closes, and stays linear on hostile input', () => {
    expect([...xmlTags('<a><b')].map((t) => t.name)).toEqual(['a']);
    const hostile = '<c r="A1">'.repeat(400_000) + '<row'.repeat(400_000);
    const started = performance.now();
    let count = 0;
    for (const _ of xmlTags(hostile)) count++;
    expect(count).toBe(400_000);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

describe('tagAttributes(text)', () => {
  it('reads attributes by full and by local name, in either quote', () => {
    const attributes = tagAttributes(` name="得分 &amp; 备注" sheetId='1' r:id="rId1"`);
    expect(attributes.get('name')).toBe('得分 &amp; 备注');
    expect(attributes.get('sheetId')).toBe('1');
    expect(attributes.get('r:id')).toBe('rId1');
    expect(attributes.get('id')).toBe('rId1');
    expect(attributes.get('Id')).toBeUndefined();
  });

  it('stops at anything malformed', () => {
    expect([...tagAttributes(' a="1" b=2 c="3"')]).toEqual([['a', '1']]);
  });
});
