import { describe, expect, it } from 'vitest';
import { mostInfluential } from '../../src/scoring/most-influential.ts';

const m = (assumption: string, width: number, shift: number) => ({ assumption, width, shift });

describe('mostInfluential(movements)', () => {
  it.each([
    ['nothing', [], null],
    ['no movement at all', [m('weights', 0, 0), m('leadWeight', 0, 0)], null],
    ['the widest intervals', [m('weights', 0.5, 0.9), m('leadWeight', 1.2, 0.1)], 'leadWeight'],
    ['a tie in width, by shift', [m('weights', 1, 0.2), m('notApplicable', 1, 0.3)], 'notApplicable'],
    ['a tie in both, by order', [m('weights', 1, 0.2), m('notApplicable', 1, 0.2)], 'weights'],
    ['moves too rare to widen any interval', [m('weights', 0, 0.01), m('leadWeight', 0, 0)], 'weights'],
  ])('picks %s', (_, movements, expected) => {
    expect(mostInfluential(movements)).toBe(expected);
  });
});
