import { describe, expect, it } from 'vitest';
import { headingLevel } from '../../src/downloads/heading-level.ts';

describe('headingLevel(text)', () => {
  it.each([
    ['一、主要特点', 1],
    ['十二、其他', 1],
    ['（一）以制度建设打底', 2],
    ['(三)半角括号', 2],
    ['1.健全机制', 3],
    ['12．全角点', 3],
    ['（1）明确责任', 4],
    ['(2)半角', 4],
    ['评估依据和原则', null],
    ['1.5倍的增长', null],
    ['2017年的工作', null],
    ['', null],
  ])('reads %j as level %s', (text, level) => {
    expect(headingLevel(text)).toBe(level);
  });
});
