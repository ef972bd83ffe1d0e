import { describe, expect, it } from 'vitest';
import { BalancerState } from './balancer.ts';
import { Deque } from './deque.ts';
import type { Machine } from './model.ts';
import { Xoshiro128 } from './random.ts';

function machines(openConnections: number[]): Machine[] {
  return openConnections.map((open, id) => ({
    id,
    draining: false,
    threads: [],
    backlog: new Deque(),
    openConnections: open,
    served: 0,
    listening: true,
  }));
}

function pickCounts(balancer: BalancerState, pool: Machine[], picks: number): number[] {
  const counts = pool.map(() => 0);
  for (let i = 0; i < picks; i++) counts[balancer.choose(pool)!.id]!++;
  return counts;
}

describe('BalancerState', () => {
  it('BalancerState.choose returns null with no machines and the only one with one', () => {
    const balancer = new BalancerState('random', new Xoshiro128(1));
    const [only] = machines([3]);

    expect(balancer.choose([])).toBeNull();
    expect(balancer.choose([only!])).toBe(only);
  });

  it('BalancerState.choose(round-robin) returns the machines in turn', () => {
    const balancer = new BalancerState('round-robin', new Xoshiro128(1));
    const pool = machines([0, 0, 0]);
    const ids = Array.from({ length: 7 }, () => balancer.choose(pool)!.id);

    expect(ids).toEqual([0, 1, 2, 0, 1, 2, 0]);
  });

  it('BalancerState.choose(random) returns every machine about equally often', () => {
    const balancer = new BalancerState('random', new Xoshiro128(2));
    const counts = pickCounts(balancer, machines([0, 0, 0, 0]), 40_000);

    for (const c of counts) expect(Math.abs(c / 10_000 - 1)).toBeLessThan(0.05);
  });

  it('BalancerState.choose(least-connections) returns the machine with fewest connections', () => {
    const balancer = new BalancerState('least-connections', new Xoshiro128(1));
    const pool = machines([4, 2, 5, 2]);
    const ids = Array.from({ length: 4 }, () => balancer.choose(pool)!.id);

    // Ties between machines 1 and 3 go by turn, so the first is not always favoured.
    expect(ids).toEqual([1, 1, 3, 3]);
  });

  it('BalancerState.choose(power-of-two) returns the less busy of two distinct machines', () => {
    const balancer = new BalancerState('power-of-two', new Xoshiro128(3));
    const counts = pickCounts(balancer, machines([0, 1, 2, 3]), 60_000);

    // The busiest machine always loses its comparison; the idlest wins the 3 pairs of 6 it is in.
    expect(counts[3]).toBe(0);
    expect(Math.abs(counts[0]! / 30_000 - 1)).toBeLessThan(0.03);
    expect(Math.abs(counts[1]! / 20_000 - 1)).toBeLessThan(0.04);
    expect(Math.abs(counts[2]! / 10_000 - 1)).toBeLessThan(0.05);
  });
});
