import { describe, expect, it } from 'vitest';
import {
  EventQueue,
  PRIORITY_FIRST,
  PRIORITY_LAST,
  PRIORITY_NORMAL,
  type PoppedEvent,
} from './kernel.ts';

function drain<Ref>(queue: EventQueue<Ref>): PoppedEvent<Ref>[] {
  const out: PoppedEvent<Ref>[] = [];
  for (;;) {
    const event: PoppedEvent<Ref> = { time: 0, kind: 0, aux: 0, ref: undefined };
    if (!queue.pop(event)) return out;
    out.push(event);
  }
}

describe('EventQueue', () => {
  it('EventQueue.pop returns events in time order', () => {
    const queue = new EventQueue<string>();
    for (const time of [30, 10, 50, 0, 20, 40]) queue.schedule(time, 0, `at ${time}`);

    expect(drain(queue).map((e) => e.time)).toEqual([0, 10, 20, 30, 40, 50]);
  });

  it('EventQueue.pop returns events at the same time in the order they were scheduled', () => {
    const queue = new EventQueue<string>();
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    for (const name of names) queue.schedule(5, 0, name);

    expect(drain(queue).map((e) => e.ref)).toEqual(names);
  });

  it('EventQueue.pop returns a lower priority number first among events at one time', () => {
    const queue = new EventQueue<string>();
    queue.schedule(5, 0, 'last', 0, PRIORITY_LAST);
    queue.schedule(5, 0, 'normal', 0, PRIORITY_NORMAL);
    queue.schedule(5, 0, 'first', 0, PRIORITY_FIRST);
    queue.schedule(4, 0, 'earlier', 0, PRIORITY_LAST);

    expect(drain(queue).map((e) => e.ref)).toEqual(['earlier', 'first', 'normal', 'last']);
  });

  it('EventQueue.pop returns the kind, aux and ref given to schedule', () => {
    const queue = new EventQueue<{ name: string }>();
    const ref = { name: 'job' };
    queue.schedule(7, 3, ref, 42);
    const event: PoppedEvent<{ name: string }> = { time: 0, kind: 0, aux: 0, ref: undefined };

    expect(queue.pop(event)).toBe(true);
    expect(event).toEqual({ time: 7, kind: 3, aux: 42, ref });
  });

  it('EventQueue.schedule grows past 1024 events and keeps time then FIFO order', () => {
    const queue = new EventQueue<number>();
    const count = 5000;
    for (let i = 0; i < count; i++) queue.schedule((i * 7919) % 101, 0, i);

    expect(queue.length).toBe(count);
    const popped = drain(queue);
    expect(popped).toHaveLength(count);
    for (let k = 1; k < count; k++) {
      const a = popped[k - 1]!;
      const b = popped[k]!;
      expect(a.time < b.time || (a.time === b.time && a.ref! < b.ref!)).toBe(true);
    }
  });

  it('EventQueue.pop returns false on an empty queue and leaves its argument alone', () => {
    const queue = new EventQueue<string>();
    const event: PoppedEvent<string> = { time: -1, kind: -1, aux: -1, ref: 'untouched' };

    expect(queue.pop(event)).toBe(false);
    expect(event).toEqual({ time: -1, kind: -1, aux: -1, ref: 'untouched' });
    expect(queue.peekTime()).toBe(Infinity);
  });

  it('EventQueue.peekTime returns the earliest time without removing it', () => {
    const queue = new EventQueue<string>();
    queue.schedule(9, 0, 'late');
    queue.schedule(2, 0, 'early');

    expect(queue.peekTime()).toBe(2);
    expect(queue.length).toBe(2);
  });

  it('EventQueue.schedule throws on NaN, Infinity and negative times', () => {
    const queue = new EventQueue<string>();

    expect(() => queue.schedule(NaN, 0, 'x')).toThrow(/not finite/);
    expect(() => queue.schedule(Infinity, 0, 'x')).toThrow(/not finite/);
    expect(() => queue.schedule(-1, 0, 'x')).toThrow();
    expect(queue.length).toBe(0);
  });

  it('EventQueue.pop interleaves correctly with schedule calls made between pops', () => {
    const queue = new EventQueue<string>();
    queue.schedule(10, 0, 'a');
    queue.schedule(30, 0, 'c');
    const event: PoppedEvent<string> = { time: 0, kind: 0, aux: 0, ref: undefined };
    queue.pop(event);
    queue.schedule(20, 0, 'b');
    queue.schedule(30, 0, 'd');

    expect([event.ref, ...drain(queue).map((e) => e.ref)]).toEqual(['a', 'b', 'c', 'd']);
  });
});
