import { describe, expect, it } from 'vitest';
import { cleanText, inlineText } from '../../../src/model/text/clean-text.ts';

describe('cleanText(text)', () => {
  it.each([
    ['淄博\u200B市', '淄博市'],
    ['张\u00A0店', '张 店'],
    ['改\u00AD革', '改革'],
    ['\uFEFF报告', '报告'],
    ['a\u202Eb', 'ab'],
    ['全角，标点。“引号”', '全角，标点。“引号”'],
    ['\u3000\u3000首行', '\u3000\u3000首行'],
    ['一\r\n二', '一\n二'],
  ])('turns %j into %j', (input, output) => {
    expect(cleanText(input)).toBe(output);
  });
});

describe('inlineText(text)', () => {
  it('collapses whitespace and newlines into single spaces and trims', () => {
    expect(inlineText('  张店区\n\t 95.12 ')).toBe('张店区 95.12');
  });
});
