import { describe, expect, it } from 'vitest';
import { shallowEqual } from './shallow-equal';

describe('shallowEqual', () => {
  it('compares primitives and identical references', () => {
    expect(shallowEqual(1, 1)).toBe(true);
    expect(shallowEqual('a', 'b')).toBe(false);
    expect(shallowEqual(null, null)).toBe(true);
    const o = { a: 1 };
    expect(shallowEqual(o, o)).toBe(true);
  });

  it('compares arrays item by item', () => {
    expect(shallowEqual(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(shallowEqual(['a'], ['a', 'b'])).toBe(false);
    expect(shallowEqual([{}], [{}])).toBe(false);
  });

  it('compares objects key by key, one level deep', () => {
    const inner = { x: 1 };
    expect(shallowEqual({ a: 1, inner }, { a: 1, inner })).toBe(true);
    expect(shallowEqual({ a: 1, inner }, { a: 1, inner: { x: 1 } })).toBe(false);
    expect(shallowEqual({ a: 1 } as Record<string, number>, { b: 1 })).toBe(false);
    expect(shallowEqual({ a: 1 }, [1] as unknown as { a: number })).toBe(false);
  });
});
