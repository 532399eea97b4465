import { describe, expect, it } from 'vitest';
import { blocksText, markdownBlocks } from '../../src/downloads/markdown-text.ts';

const texts = (md: string) => markdownBlocks(md).map((b) => b.text);

describe('markdownBlocks(markdown)', () => {
  it('keeps numbered headings as written and strips emphasis', () => {
    expect(markdownBlocks('## 一、主要特点\n\n市直牵头部门**紧紧围绕**部署，*扎实*推进。')).toEqual([
      { kind: 'heading', level: 2, text: '一、主要特点' },
      { kind: 'paragraph', level: 0, text: '市直牵头部门紧紧围绕部署，扎实推进。' },
    ]);
  });

  it('joins Chinese lines of one paragraph without a space and English lines with one', () => {
    expect(texts('评估显示，\n群众满意度较高。\n\nsome\ntext')).toEqual(['评估显示，群众满意度较高。', 'some text']);
  });

  it('decodes entities left by Nunjucks autoescape into inert text', () => {
    expect(texts('名称&lt;script&gt;与&amp;和&quot;引号&quot;')).toEqual(['名称<script>与&和"引号"']);
  });

  it('keeps raw HTML as text, since the parser has HTML off', () => {
    expect(texts('<b>粗</b>体')).toEqual(['<b>粗</b>体']);
  });

  it('reduces links and images to their words', () => {
    expect(texts('见[附件1](#annex-1)与![图](a.png)')).toEqual(['见附件1与图']);
  });

  it('removes hidden characters and turns NBSP into a space', () => {
    expect(texts('淄博\u200B市\u00A0张店区\u00AD')).toEqual(['淄博市 张店区']);
  });

  it('writes list items with a dash or their number', () => {
    expect(texts('- 甲\n- 乙\n\n3. 丙\n4. 丁')).toEqual(['- 甲', '- 乙', '3. 丙', '4. 丁']);
  });

  it('lays out a Markdown table as aligned text and keeps its cells', () => {
    const [table] = markdownBlocks('| 单位 | 得分 |\n|---|---:|\n| 张店区 | 95.12 |');
    expect(table?.kind).toBe('table');
    expect(table?.cells).toEqual([
      ['单位', '得分'],
      ['张店区', '95.12'],
    ]);
    expect(table?.text).toBe('单位     得分\n张店区  95.12');
  });

  it('gives no blocks for empty Markdown', () => {
    expect(markdownBlocks('')).toEqual([]);
  });
});

describe('blocksText(blocks)', () => {
  it('separates blocks by a blank line and list items by a line break', () => {
    expect(blocksText(markdownBlocks('段一\n\n- 甲\n- 乙\n\n段二'))).toBe('段一\n\n- 甲\n- 乙\n\n段二');
  });
});

describe('markdownBlocks(markdown) on long input', () => {
  it('reads one paragraph of 100,000 lines in linear time', () => {
    const markdown = Array.from({ length: 100_000 }, (_, i) => (i % 2 ? `行${i}` : `line${i}`)).join('\n');
    const started = performance.now();
    const [block] = markdownBlocks(markdown);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(block!.text.startsWith('line0行1 line2行3')).toBe(true);
    expect(block!.text.endsWith('line99998行99999')).toBe(true);
  }, 60_000);
});
