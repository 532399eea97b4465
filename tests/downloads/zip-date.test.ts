import { describe, expect, it } from 'vitest';
import { fixedDate, w3cDate, zipTime } from '../../src/downloads/zip-date.ts';

describe('fixedDate(date), zipTime(date) and w3cDate(date)', () => {
  it.each([
    ['2018-07-06', '2018-07-06T00:00:00Z'],
    ['2018-07-06T15:30:00+08:00', '2018-07-06T00:00:00Z'],
    ['不是日期', '1980-01-01T00:00:00Z'],
  ])('dates %s at midnight UTC as %s', (date, expected) => {
    expect(w3cDate(fixedDate(date))).toBe(expected);
  });

  it.each([
    ['1949-10-01', [1980, 1, 1]],
    ['2018-07-06', [2018, 7, 6]],
    ['2200-01-01', [2099, 12, 31]],
  ])('gives a zip entry of a report dated %s the local time whose date is %j', (date, [y, m, d]) => {
    const local = zipTime(fixedDate(date));
    expect([local.getFullYear(), local.getMonth() + 1, local.getDate(), local.getHours(), local.getMinutes()]).toEqual([y, m, d, 0, 0]);
  });
});
