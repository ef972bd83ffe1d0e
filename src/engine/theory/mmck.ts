/**
 * The M/M/c/K queue, exactly: Poisson arrivals at rate lambda, c servers that each finish work
 * at rate mu, and room for K requests in the system (c in service, K - c waiting). An arrival
 * that finds K present is dropped. K = Infinity is the M/M/c queue, which has a steady state
 * only while the load per server rho = lambda / (c mu) stays below 1.
 *
 * The steady state is a birth-death chain: p(n) is proportional to a^n / n! up to n = c and to
 * a^c / c! * rho^(n - c) above it, with a = lambda / mu. Factorials overflow long before
 * c = 4096, so the states are split in two blocks, each summed by a ratio that stays finite:
 * - below c the chain is an Erlang loss system on c - 1 servers (the stable Erlang B recurrence);
 * - from c to K it is a truncated geometric series in rho, summed in closed form, in logs when
 *   rho > 1 because rho^(K - c) overflows there.
 */

/** Steady-state figures of a queue; the app shows them beside what the engine measured. */
export interface QueueTheory {
  /** Kendall notation, e.g. 'M/M/4/20', 'M/M/4', 'M/G/1'. */
  model: string;
  /** False when an infinite queue is overloaded; its means are then Infinity. */
  stable: boolean;
  /** a = lambda / mu, in Erlangs. */
  offeredLoad: number;
  /** Busy fraction of each server, lambda_eff / (c mu). */
  utilization: number;
  /** Chance that an arrival finds the system full (p_K); 0 for an infinite queue. */
  dropProbability: number;
  /** lambda_eff = lambda (1 - p_K): the rate of accepted, and so of finished, requests. */
  throughputPerSec: number;
  /** L: mean number of requests present, in service or waiting. */
  meanInSystem: number;
  /** Lq: mean number of requests waiting for a server. */
  meanInQueue: number;
  /** W = L / lambda_eff (Little's law). */
  meanResponseMs: number;
  /** Wq = Lq / lambda_eff. */
  meanWaitMs: number;
  /** Chance that an accepted arrival has to wait (Erlang C for an infinite queue). */
  waitProbability: number;
}

const MS_PER_SEC = 1000;

export function mmck(
  arrivalRatePerSec: number,
  serviceRatePerSec: number,
  servers: number,
  capacity: number,
): QueueTheory {
  checkArguments(arrivalRatePerSec, serviceRatePerSec, servers, capacity);
  const model = capacity === Infinity ? `M/M/${servers}` : `M/M/${servers}/${capacity}`;
  const offeredLoad = arrivalRatePerSec / serviceRatePerSec;

  if (capacity === Infinity && offeredLoad >= servers) {
    return saturated(model, offeredLoad, serviceRatePerSec, servers);
  }
  const states = stateBlocks(offeredLoad, servers, capacity);
  return summarize(model, offeredLoad, serviceRatePerSec, servers, states);
}

/** Erlang B: the chance that an arrival to M/M/c/c finds every server busy. */
export function erlangB(servers: number, offeredLoad: number): number {
  checkLossArguments(servers, offeredLoad);
  return erlangLoss(servers, offeredLoad).blocking;
}

/** Erlang C: the chance that an arrival to M/M/c has to wait; 1 when a >= c (no steady state). */
export function erlangC(servers: number, offeredLoad: number): number {
  checkLossArguments(servers, offeredLoad);
  if (servers < 1) throw new RangeError(`erlangC: servers must be at least 1, got ${servers}`);
  if (offeredLoad >= servers) return 1;

  // C = B / (1 - rho (1 - B)), with the denominator rewritten as a sum of two non-negative terms
  // so that nothing cancels when rho is close to 1.
  const { blocking, notBlocked } = erlangLoss(servers, offeredLoad);
  const rho = offeredLoad / servers;
  return blocking / (blocking + (1 - rho) * notBlocked);
}

interface ErlangLoss {
  blocking: number;
  /** 1 - blocking, computed without cancellation when blocking is close to 1. */
  notBlocked: number;
}

/**
 * B(k) = a B(k-1) / (k + a B(k-1)), B(0) = 1: every step stays in [0, 1], so this neither
 * overflows nor loses precision, unlike a^c / c! over a sum. 1 - B(k) = k / (k + a B(k-1)).
 */
function erlangLoss(servers: number, offeredLoad: number): ErlangLoss {
  let blocking = 1;
  let notBlocked = 0;
  for (let k = 1; k <= servers; k++) {
    const denominator = k + offeredLoad * blocking;
    notBlocked = k / denominator;
    blocking = (offeredLoad * blocking) / denominator;
  }
  return { blocking, notBlocked };
}

/** The two blocks of states, as probabilities and conditional means. */
interface StateBlocks {
  /** P(n < c) and the mean of n given n < c. */
  belowServers: number;
  meanBusyBelow: number;
  /** P(n >= c), and the queue block's shape given n >= c. */
  atLeastServers: number;
  queue: GeometricBlock;
}

function stateBlocks(offeredLoad: number, servers: number, capacity: number): StateBlocks {
  // States 0..c-1 are the Erlang loss system on c - 1 servers: its carried load is their mean.
  const below = erlangLoss(servers - 1, offeredLoad);
  const rho = offeredLoad / servers;
  const queue = geometricBlock(rho, capacity - servers + 1);

  // Weight of the block n >= c relative to the block n < c:
  // p(c) / P(n < c) = (a / c) B(c - 1), times the geometric sum over the block.
  const logRatio = Math.log(rho) + Math.log(below.blocking) + queue.logWeight;
  return {
    belowServers: 1 / (1 + Math.exp(logRatio)),
    meanBusyBelow: offeredLoad * below.notBlocked,
    atLeastServers: 1 / (1 + Math.exp(-logRatio)),
    queue,
  };
}

function summarize(
  model: string,
  offeredLoad: number,
  serviceRatePerSec: number,
  servers: number,
  states: StateBlocks,
): QueueTheory {
  const { belowServers, atLeastServers, queue } = states;
  const busyServers = belowServers * states.meanBusyBelow + atLeastServers * servers;
  const meanInQueue = atLeastServers * queue.meanIndex;
  const meanInSystem = busyServers + meanInQueue;

  // Throughput as mu times the busy servers equals lambda (1 - p_K) in steady state, and stays
  // accurate when p_K is close to 1, where 1 - p_K would cancel.
  const throughputPerSec = serviceRatePerSec * busyServers;
  const waiting = atLeastServers * queue.belowTop;
  const accepted = belowServers + waiting;
  return {
    model,
    stable: true,
    offeredLoad,
    utilization: busyServers / servers,
    dropProbability: atLeastServers * queue.top,
    throughputPerSec,
    meanInSystem,
    meanInQueue,
    ...meanTimesMs(meanInSystem, meanInQueue, throughputPerSec, serviceRatePerSec),
    waitProbability: accepted > 0 ? waiting / accepted : 0,
  };
}

/** Little's law; with no arrivals, the times a lone request would see. */
function meanTimesMs(
  meanInSystem: number,
  meanInQueue: number,
  throughputPerSec: number,
  serviceRatePerSec: number,
): { meanResponseMs: number; meanWaitMs: number } {
  if (throughputPerSec === 0)
    return { meanResponseMs: MS_PER_SEC / serviceRatePerSec, meanWaitMs: 0 };
  return {
    meanResponseMs: (meanInSystem / throughputPerSec) * MS_PER_SEC,
    meanWaitMs: (meanInQueue / throughputPerSec) * MS_PER_SEC,
  };
}

/** An overloaded infinite queue: every server always busy, the queue growing without bound. */
function saturated(
  model: string,
  offeredLoad: number,
  serviceRatePerSec: number,
  servers: number,
): QueueTheory {
  return {
    model,
    stable: false,
    offeredLoad,
    utilization: 1,
    dropProbability: 0,
    throughputPerSec: servers * serviceRatePerSec,
    meanInSystem: Infinity,
    meanInQueue: Infinity,
    meanResponseMs: Infinity,
    meanWaitMs: Infinity,
    waitProbability: 1,
  };
}

/**
 * States c, c+1, ..., K seen as indices i = 0..m (m = K - c) with weights rho^i. Everything is
 * conditional on being in the block.
 */
interface GeometricBlock {
  /** log of the sum of rho^i over the block (may exceed what a double holds as a plain number). */
  logWeight: number;
  /** P(i = m): the system is full. */
  top: number;
  /** P(i < m): an arrival is accepted and waits; kept apart from 1 - top to avoid cancelling. */
  belowTop: number;
  /** E[i]: requests waiting. */
  meanIndex: number;
}

function geometricBlock(rho: number, states: number): GeometricBlock {
  if (rho <= 1) return decreasingBlock(-Math.log(rho), states);

  // rho > 1 is the same series read from the top down with ratio 1 / rho = exp(-s).
  const s = Math.log(rho);
  const sum = geometricSum(s, states);
  return {
    logWeight: (states - 1) * s + Math.log(sum),
    top: 1 / sum,
    belowTop: (Math.exp(-s) * geometricSum(s, states - 1)) / sum,
    meanIndex: states - 1 - geometricMeanIndex(s, states),
  };
}

/** The block for rho = exp(-s) <= 1; states may be Infinity (then rho < 1). */
function decreasingBlock(s: number, states: number): GeometricBlock {
  const sum = geometricSum(s, states);
  const top = states === Infinity ? 0 : ratioPower(s, states - 1) / sum;
  return {
    logWeight: Math.log(sum),
    top,
    belowTop: states === Infinity ? 1 : geometricSum(s, states - 1) / sum,
    meanIndex: geometricMeanIndex(s, states),
  };
}

/** exp(-s k), with 0^0 = 1 when s is Infinity (rho = 0). */
function ratioPower(s: number, k: number): number {
  return k === 0 ? 1 : Math.exp(-s * k);
}

/** Sum of x^i for i = 0..n-1 with x = exp(-s), s >= 0; expm1 keeps it exact near x = 1. */
function geometricSum(s: number, n: number): number {
  if (n <= 0) return 0;
  if (s === 0) return n;
  if (n === Infinity) return -1 / Math.expm1(-s);
  return Math.expm1(-s * n) / Math.expm1(-s);
}

/** Below this s n the closed form cancels badly, and three series terms are exact to 1e-15. */
const SERIES_LIMIT = 1e-4;

/**
 * Mean index of the truncated geometric distribution on 0..n-1 with ratio x = exp(-s), s >= 0:
 * 1 / (e^s - 1) - n / (e^(s n) - 1). Near s = 0 both terms are about 1 / s, so there it uses
 * their expansion: (n - 1)/2 - s (n^2 - 1)/12 + s^3 (n^4 - 1)/720.
 */
function geometricMeanIndex(s: number, n: number): number {
  if (n === Infinity) return 1 / Math.expm1(s);
  if (s * n < SERIES_LIMIT) {
    return (n - 1) / 2 - (s * (n * n - 1)) / 12 + (s ** 3 * (n ** 4 - 1)) / 720;
  }
  return 1 / Math.expm1(s) - n / Math.expm1(s * n);
}

function checkArguments(
  arrivalRatePerSec: number,
  serviceRatePerSec: number,
  servers: number,
  capacity: number,
): void {
  if (!(arrivalRatePerSec >= 0 && Number.isFinite(arrivalRatePerSec))) {
    throw new RangeError(`mmck: arrival rate must be finite and >= 0, got ${arrivalRatePerSec}`);
  }
  if (!(serviceRatePerSec > 0 && Number.isFinite(serviceRatePerSec))) {
    throw new RangeError(`mmck: service rate must be finite and > 0, got ${serviceRatePerSec}`);
  }
  if (!Number.isInteger(servers) || servers < 1) {
    throw new RangeError(`mmck: servers must be a whole number >= 1, got ${servers}`);
  }
  if (capacity !== Infinity && !(Number.isInteger(capacity) && capacity >= servers)) {
    throw new RangeError(`mmck: capacity must be a whole number >= servers, got ${capacity}`);
  }
}

function checkLossArguments(servers: number, offeredLoad: number): void {
  if (!Number.isInteger(servers) || servers < 0) {
    throw new RangeError(`erlang: servers must be a whole number >= 0, got ${servers}`);
  }
  if (!(offeredLoad >= 0 && Number.isFinite(offeredLoad))) {
    throw new RangeError(`erlang: offered load must be finite and >= 0, got ${offeredLoad}`);
  }
}
