import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Deque } from './deque.ts';

function contents<T>(deque: Deque<T>): (T | undefined)[] {
  return Array.from({ length: deque.length }, (_, i) => deque.at(i));
}

type Op =
  | { op: 'push' | 'unshift'; value: number }
  | { op: 'shift' | 'pop' }
  | { op: 'remove'; value: number };

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constantFrom('push' as const, 'unshift' as const), value: fc.nat(50) }),
  fc.record({ op: fc.constantFrom('shift' as const, 'pop' as const) }),
  fc.record({ op: fc.constant('remove' as const), value: fc.nat(50) }),
);

/** Runs one operation on both the deque and a plain array; returns both results. */
function runOp(deque: Deque<number>, model: number[], op: Op): [unknown, unknown] {
  switch (op.op) {
    case 'push':
      deque.push(op.value);
      model.push(op.value);
      return [deque.length, model.length];
    case 'unshift':
      deque.unshift(op.value);
      model.unshift(op.value);
      return [deque.length, model.length];
    case 'shift':
      return [deque.shift(), model.shift()];
    case 'pop':
      return [deque.pop(), model.pop()];
    case 'remove': {
      const i = model.indexOf(op.value);
      if (i >= 0) model.splice(i, 1);
      return [deque.remove(op.value), i >= 0];
    }
  }
}

describe('Deque', () => {
  it('Deque.shift returns items in push order', () => {
    const deque = new Deque<string>();
    for (const s of ['a', 'b', 'c']) deque.push(s);

    expect([deque.shift(), deque.shift(), deque.shift(), deque.shift()]).toEqual([
      'a',
      'b',
      'c',
      undefined,
    ]);
    expect(deque.length).toBe(0);
  });

  it('Deque.unshift puts an item at the front, ahead of pushed items', () => {
    const deque = new Deque<string>();
    deque.push('b');
    deque.unshift('a');
    deque.push('c');

    expect(contents(deque)).toEqual(['a', 'b', 'c']);
  });

  it('Deque.pop returns the most recently pushed item', () => {
    const deque = new Deque<number>();
    deque.push(1);
    deque.push(2);

    expect(deque.pop()).toBe(2);
    expect(deque.pop()).toBe(1);
    expect(deque.pop()).toBeUndefined();
  });

  it('Deque.at returns undefined outside [0, length)', () => {
    const deque = new Deque<number>();
    deque.push(7);

    expect(deque.at(0)).toBe(7);
    expect(deque.at(-1)).toBeUndefined();
    expect(deque.at(1)).toBeUndefined();
  });

  it('Deque.remove takes out the first equal item, keeps the order, and reports it', () => {
    const deque = new Deque<number>();
    for (const n of [1, 2, 3, 2, 4]) deque.push(n);

    expect(deque.remove(2)).toBe(true);
    expect(contents(deque)).toEqual([1, 3, 2, 4]);
    expect(deque.remove(9)).toBe(false);
  });

  it('Deque.push grows a wrapped ring and keeps the order', () => {
    const deque = new Deque<number>();
    for (let i = 0; i < 10; i++) deque.push(i);
    for (let i = 0; i < 8; i++) deque.shift();
    for (let i = 10; i < 40; i++) deque.push(i);
    for (let i = -1; i >= -5; i--) deque.unshift(i);

    expect(contents(deque)).toEqual([
      -5,
      -4,
      -3,
      -2,
      -1,
      ...Array.from({ length: 32 }, (_, i) => i + 8),
    ]);
  });

  it('Deque behaves like a plain array under any sequence of operations', () => {
    fc.assert(
      fc.property(fc.array(opArbitrary, { maxLength: 300 }), (ops) => {
        const deque = new Deque<number>();
        const model: number[] = [];
        for (const op of ops) {
          const [got, want] = runOp(deque, model, op);
          expect(got).toEqual(want);
        }
        expect(contents(deque)).toEqual(model);
      }),
      { numRuns: 200 },
    );
  });
});
