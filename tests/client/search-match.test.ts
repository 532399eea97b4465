import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bestSection,
  excerpt,
  holdsAll,
  matchKey,
  pageTexts,
  plainText,
  queryParts,
  queryWords,
  readableText,
  sectionLabel,
  spacedHan,
  unspacedHan,
  type ExcerptPiece,
} from '../../src/client/search-match.ts';

const shown = (pieces: ExcerptPiece[]) => pieces.map((piece) => (piece.mark ? `[${piece.text}]` : piece.text)).join('');

/** Text of Han characters, digits, Latin letters, punctuation and spaces, as a page holds. */
const pageText = fc.string({
  unit: fc.constantFrom(...'淄川区知晓率高新张店一号通热线平台12345abAB，。“”·.- '.split('')),
  maxLength: 80,
});

describe('matchKey(text)', () => {
  it.each([
    ['打造“爱工惠”平台 ', '打造爱工惠平台'],
    ['ＡＢ１２３４５', 'ab12345'],
    ['“互联网+医疗健康”', '互联网医疗健康'],
    ['，。 ', ''],
  ])('turns %j into %j', (text, key) => {
    expect(matchKey(text)).toBe(key);
  });

  it('is idempotent and keeps only letters and digits', () => {
    fc.assert(
      fc.property(pageText, (text) => {
        const key = matchKey(text);
        expect(matchKey(key)).toBe(key);
        expect(key).toMatch(/^[\p{L}\p{N}]*$/u);
      }),
    );
  });
});

describe('queryParts(query)', () => {
  it.each([
    [' 淄川区  “知晓率” ', ['淄川区', '知晓率']],
    ['１２３４５', ['12345']],
    ['热线 热线', ['热线']],
    ['，。 “”', []],
    ['', []],
  ])('splits %j into %j', (query, parts) => {
    expect(queryParts(query)).toEqual(parts);
  });
});

describe('holdsAll(texts, parts)', () => {
  it.each([
    [['整合政务服务热线', 'hotline 12345'], ['12345', '热线'], true],
    [['排名第12名，第3名'], ['12345'], false],
    [['淄博市张店区，川流不息'], ['淄川区'], false],
    [['问卷显示“爱工惠”知晓率最高'], ['爱工惠'], true],
    [['任何文字'], [], true],
    [[], ['区'], false],
  ])('in %j, finding %j, is %s', (texts, parts, held) => {
    expect(holdsAll(texts, parts)).toBe(held);
  });

  it('holds every piece cut out of one of the texts', () => {
    fc.assert(
      fc.property(pageText, fc.nat(), fc.nat(), (text, a, b) => {
        const key = matchKey(text);
        const [from, to] = [Math.min(a, b) % (key.length + 1), Math.max(a, b) % (key.length + 1)];
        const part = key.slice(Math.min(from, to), Math.max(from, to));
        expect(holdsAll(['前文', text], part ? [part] : [])).toBe(true);
      }),
    );
  });
});

describe('pageTexts(content, meta)', () => {
  it('keeps each metadata word apart, so that a part cannot match across two of them', () => {
    const texts = pageTexts('正文', { title: '淄川区', name: '淄川区 川区 区 zichuan', kind: '单位' });
    expect(texts).toEqual(['正文', '淄川区', '淄川区', '川区', '区', 'zichuan']);
    expect(holdsAll(texts, ['区川'])).toBe(false);
    expect(holdsAll(texts, ['zichuan'])).toBe(true);
    expect(holdsAll(texts, ['单位'])).toBe(false);
  });
});

describe('bestSection(sections, parts)', () => {
  it.each([
    ['the only section holding the part', [{ text: '评估概况', score: 50 }, { text: '“爱工惠”知晓率最高', score: 1 }], ['爱工惠'], 1],
    ['of sections holding it, the higher score', [{ text: '知晓率见附件', score: 1 }, { text: '各项经验群众知晓率', score: 100 }], ['知晓率'], 1],
    ['more parts before a higher score', [{ text: '张店区', score: 90 }, { text: '张店区 知晓率', score: 2 }], ['张店区', '知晓率'], 1],
    ['the first of equals', [{ text: '热线', score: 3 }, { text: '热线', score: 3 }], ['热线'], 0],
    ['none when no section holds a part', [{ text: '工作机制', score: 9 }], ['爱工惠'], -1],
    ['none for no sections', [], ['爱工惠'], -1],
  ] as const)('picks %s', (_, sections, parts, index) => {
    expect(bestSection(sections, parts)).toBe(index);
  });

  it('picks a section that holds a part whenever one does', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ text: pageText, score: fc.double({ noNaN: true }) })), fc.constantFrom('区', '12', '知晓率', 'ab'), (sections, part) => {
        const best = bestSection(sections, [part]);
        const anyHolds = sections.some((section) => matchKey(section.text).includes(part));
        expect(best >= 0).toBe(anyHolds);
        if (best >= 0) expect(matchKey(sections[best]!.text)).toContain(part);
      }),
    );
  });
});

describe('excerpt(text, parts, length)', () => {
  it.each([
    ['问卷调查显示，群众知晓率最高的是“爱工惠”项目', ['知晓率'], 12, '…群众[知晓率]最高的是“爱工…'],
    ['最高的是“爱工惠”项目', ['爱工惠'], 20, '最高的是“[爱工惠]”项目'],
    ['热线热线', ['热线'], 10, '[热线热线]'],
    ['没有要找的词，从头开始显示', ['爱工惠'], 6, '没有要找的词…'],
    ['张店区. 得分94.04. 排名第2名.', ['得分'], 30, '张店区 [得分]94.04 排名第2名'],
    ['“爱工惠”', ['爱工惠'], 10, '“[爱工惠]”'],
    ['', ['爱工惠'], 10, ''],
  ])('cuts %j around %j to %i characters: %j', (text, parts, length, expected) => {
    expect(shown(excerpt(text, parts, length))).toBe(expected);
  });

  it('shows at most `length` characters of the text, in order, with every mark holding a part', () => {
    fc.assert(
      fc.property(pageText, fc.constantFrom('区', '12', '知晓率', 'ab', '一号通'), fc.integer({ min: 1, max: 40 }), (text, part, length) => {
        const pieces = excerpt(text, [part], length);
        // The text holds no …, so a … at either end is where the excerpt was cut.
        const body = pieces.map((piece) => piece.text).join('').replace(/^…|…$/gu, '');
        expect(Array.from(body).length).toBeLessThanOrEqual(length);
        expect(readableText(text)).toContain(body);
        for (const piece of pieces.filter((p) => p.mark)) {
          const key = matchKey(piece.text);
          expect(key.includes(part) || part.startsWith(key), `${key} marked for ${part}`).toBe(true);
        }
      }),
    );
  });
});

describe('readableText(text)', () => {
  it.each([
    ['张店区. 得分94.04. 排名第2名.', '张店区 得分94.04 排名第2名'],
    ['Mr. Smith  说', 'Mr. Smith 说'],
    ['一\n\n 二', '一 二'],
    ['95.79', '95.79'],
  ])('prints %j as %j', (text, readable) => {
    expect(readableText(text)).toBe(readable);
  });
});

describe('sectionLabel(pageTitle, sectionTitle)', () => {
  it.each([
    ['淄川区', '淄川区：各项经验得分', '淄川区 › 各项经验得分'],
    ['报告全文', '评估概况', '报告全文 › 评估概况'],
    ['淄川区', '淄川区', '淄川区'],
    ['淄川区', '  ', '淄川区'],
  ])('labels %j › %j as %j', (page, section, label) => {
    expect(sectionLabel(page, section)).toBe(label);
  });
});

describe('spacedHan(text)', () => {
  it.each([
    ['“爱工惠”平台12345', '“爱 工 惠 ”平 台 12345'],
    ['hotline 12345', 'hotline 12345'],
    ['', ''],
  ])('spaces %j as %j', (text, spaced) => {
    expect(spacedHan(text)).toBe(spaced);
  });

  it('makes each Han character a word of its own and keeps the rest', () => {
    fc.assert(
      fc.property(pageText, (text) => {
        const spaced = spacedHan(text);
        for (const word of spaced.split(/\s+/u)) expect(word.replace(/[^\p{Script=Han}]/gu, '').length).toBeLessThanOrEqual(1);
        expect(spaced.replace(/\s+/gu, '')).toBe(text.replace(/\s+/gu, ''));
      }),
    );
  });
});

describe('unspacedHan(text)', () => {
  it.each([
    ['打\u200B造\u200B“爱工惠”', '打造“爱工惠”'],
    ['张店区 得分', '张店区 得分'],
  ])('turns %j into %j', (text, plain) => {
    expect(unspacedHan(text)).toBe(plain);
  });
});

describe('plainText(text)', () => {
  it.each([
    ['R&amp;D &lt;b&gt;', 'R&D <b>'],
    ['&#x4E00;&#20108;&#X4E09;', '一二三'],
    ['&copy; &unknown; & ;', '&copy; &unknown; & ;'],
    ['&#0; &#xD800; &#x110000;', '&#0; &#xD800; &#x110000;'],
    ['&amp;lt;', '&lt;'],
    ['东区&quot;&gt;&lt;/script&gt;', '东区"></script>'],
  ])('turns %j into %j', (text, plain) => {
    expect(plainText(text)).toBe(plain);
  });

  it('gives back any text escaped as Pagefind escapes it', () => {
    const escape = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'&<>;#x0a区 amp lt'.split('')) }), (text) => {
        expect(plainText(escape(text))).toBe(text);
      }),
    );
  });
});

describe('queryWords(query)', () => {
  it('drops punctuation and spaces and gives each word once', () => {
    const words = queryWords('“热线” 热线，12345');
    expect(words).toContain('12345');
    expect(words.join('')).toMatch(/^[\p{L}\p{N}]+$/u);
    expect(new Set(words).size).toBe(words.length);
    expect(words.join('').replace('12345', '')).toBe('热线');
  });
});
