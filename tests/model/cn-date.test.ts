import { describe, expect, it } from 'vitest';
import { cnDate } from '../../src/model/cn-date.ts';

describe('cnDate(value)', () => {
  it.each([
    ['2018-07-06', '2018年7月6日'],
    ['2021-12-31', '2021年12月31日'],
    ['2018-07-06T08:00:00Z', '2018年7月6日'],
    ['2018年7月', '2018年7月'],
    ['', ''],
    [null, ''],
    [new Date('2018-07-06T00:00:00Z'), '2018年7月6日'],
  ])('prints %s as %s', (value, expected) => {
    expect(cnDate(value)).toBe(expected);
  });
});
