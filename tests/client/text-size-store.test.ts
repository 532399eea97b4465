import { describe, expect, it } from 'vitest';
import { applyStoredTextSize, LARGE_CLASS, storeTextSize, TEXT_SIZE_KEY } from '../../src/client/text-size-store.ts';

/** Just enough of an element: a class list. */
function fakeRoot(): Element & { classes: Set<string> } {
  const classes = new Set<string>();
  return {
    classes,
    classList: {
      toggle: (name: string, force?: boolean) => {
        const on = force ?? !classes.has(name);
        if (on) classes.add(name);
        else classes.delete(name);
        return on;
      },
      contains: (name: string) => classes.has(name),
    },
  } as unknown as Element & { classes: Set<string> };
}

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
}

const throwing = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
  removeItem: () => {
    throw new Error('SecurityError');
  },
};

describe('applyStoredTextSize(root, storage)', () => {
  it.each([
    [{ [TEXT_SIZE_KEY]: 'large' }, true],
    [{ [TEXT_SIZE_KEY]: 'something-else' }, false],
    [{}, false],
  ])('with storage %j sets the large class: %s', (stored, large) => {
    const root = fakeRoot();
    expect(applyStoredTextSize(root, memoryStorage(stored))).toBe(large);
    expect(root.classes.has(LARGE_CLASS)).toBe(large);
  });

  it('treats missing or throwing storage as nothing stored', () => {
    expect(applyStoredTextSize(fakeRoot(), null)).toBe(false);
    expect(applyStoredTextSize(fakeRoot(), throwing)).toBe(false);
  });
});

describe('storeTextSize(root, storage, large)', () => {
  it('remembers 大字 so that the next page applies it, and forgets it when turned off', () => {
    const storage = memoryStorage();
    storeTextSize(fakeRoot(), storage, true);
    const next = fakeRoot();
    expect(applyStoredTextSize(next, storage)).toBe(true);
    storeTextSize(next, storage, false);
    expect(next.classes.has(LARGE_CLASS)).toBe(false);
    expect(storage.items.has(TEXT_SIZE_KEY)).toBe(false);
  });

  it('still changes the page when storage refuses to store', () => {
    const root = fakeRoot();
    expect(() => storeTextSize(root, throwing, true)).not.toThrow();
    expect(root.classes.has(LARGE_CLASS)).toBe(true);
  });
});
