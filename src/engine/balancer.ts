/**
 * The balancer spreads new connections over the machines that are accepting. Round-robin takes
 * turns; random picks uniformly; least-connections picks the machine with the fewest open
 * connections (ties broken by turn, so the first machine is not favoured); power-of-two picks
 * two at random and takes the less busy, which comes close to least-connections while looking at
 * only two machines.
 */
import type { Machine } from './model.ts';
import type { Random } from './random.ts';
import type { Balancer } from './scenario/schema.ts';

export class BalancerState {
  private turn = 0;

  constructor(
    public policy: Balancer,
    private readonly rng: Random,
  ) {}

  choose<M extends Machine>(machines: readonly M[]): M | null {
    const n = machines.length;
    if (n === 0) return null;
    if (n === 1) return machines[0]!;
    switch (this.policy) {
      case 'round-robin':
        return machines[this.turn++ % n]!;
      case 'random':
        return machines[this.rng.int(n)]!;
      case 'least-connections':
        return this.leastConnections(machines);
      case 'power-of-two':
        return this.powerOfTwo(machines);
    }
  }

  private leastConnections<M extends Machine>(machines: readonly M[]): M {
    const n = machines.length;
    const start = this.turn++ % n;
    let best = machines[start]!;
    for (let k = 1; k < n; k++) {
      const m = machines[(start + k) % n]!;
      if (m.openConnections < best.openConnections) best = m;
    }
    return best;
  }

  private powerOfTwo<M extends Machine>(machines: readonly M[]): M {
    const n = machines.length;
    const i = this.rng.int(n);
    const j = (i + 1 + this.rng.int(n - 1)) % n;
    const a = machines[i]!;
    const b = machines[j]!;
    return b.openConnections < a.openConnections ? b : a;
  }
}
