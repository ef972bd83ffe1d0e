/**
 * Decides whether queueing theory describes a scenario exactly, and if so which queue it is.
 * With Poisson arrivals, no I/O and free context switches, a machine's cores serve requests
 * like the servers of a textbook queue:
 * - thread per connection, one machine: M/M/c/(t+b), where c = min(cores, threads), because
 *   threads beyond the cores share them without changing the total rate of finishing work;
 * - thread per connection, n machines behind the random balancer: n independent copies of that
 *   queue, because a random split of a Poisson stream gives independent Poisson streams;
 * - message queue: M/M/(n w)/(n w + q), because every worker pulls from one shared queue;
 * - one thread (or worker) on one machine with any CPU work: M/G/1, when the queue is long
 *   enough to be treated as unbounded.
 * Anything else gets the list of reasons it does not fit, each naming a scenario field.
 */
import type {
  Distribution,
  MessageQueue,
  Scenario,
  ThreadPerConnection,
} from '../scenario/schema.ts';
import { mmck, type QueueTheory } from './mmck.ts';
import { distributionMoments, mg1 } from './mg1.ts';

export type TheoryFit =
  | { fits: true; model: string; note: string; theory: QueueTheory }
  | { fits: false; reasons: string[] };

export function theoryFor(s: Scenario): TheoryFit {
  const reasons = scenarioReasons(s);
  const server = s.machines.count >= 1 ? serverShape(s) : { reasons: [] };
  reasons.push(...server.reasons);
  if (s.load.pattern !== 'poisson' || !server.shape) return { fits: false, reasons };

  const solved = solve(server.shape, s.load.ratePerSec);
  reasons.push(...solved.reasons);
  if (!solved.theory || reasons.length > 0) return { fits: false, reasons };
  const note = `${solved.theory.model}: ${server.shape.describe}${solved.noteTail}`;
  return {
    fits: true,
    model: solved.theory.model,
    note: note + latencyNote(s),
    theory: solved.theory,
  };
}

/** Service time on the machine: the work divided by the core speed. */
interface ServiceTime {
  dist: Distribution['dist'];
  meanMs: number;
  varianceMs2: number;
}

/** How a scenario maps onto a queue, before the arrival rate is known. */
interface QueueShape {
  /** Independent copies of the queue that the arrivals are split evenly over. */
  streams: number;
  servers: number;
  /** Room in each copy, in service plus waiting. */
  capacity: number;
  service: ServiceTime;
  /** Where the shape comes from, in the note's words. */
  describe: string;
  /** The field whose finite room M/G/1 treats as unbounded. */
  roomField: string;
}

type ShapeResult = { shape?: QueueShape; reasons: string[] };

function scenarioReasons(s: Scenario): string[] {
  const reasons: string[] = [];
  if (s.load.pattern !== 'poisson') {
    reasons.push(`load.pattern is ${s.load.pattern}; theory needs poisson arrivals`);
  }
  if (s.changes.length > 0) {
    const entries = s.changes.length === 1 ? '1 entry' : `${s.changes.length} entries`;
    reasons.push(`changes has ${entries}; theory needs a scenario that holds still`);
  }
  if (s.timeoutMs !== null) {
    reasons.push(`timeoutMs is ${s.timeoutMs}; theory needs clients that wait for every answer`);
  }
  if (s.retry !== null) reasons.push('retry is set; theory needs every request sent only once');
  return [...reasons, ...machineReasons(s)];
}

function machineReasons(s: Scenario): string[] {
  const reasons: string[] = [];
  if (s.cpu.contextSwitchMs !== 0) {
    reasons.push(
      `cpu.contextSwitchMs is ${s.cpu.contextSwitchMs}; theory needs free context switches`,
    );
  }
  if (!isZero(s.request.ioMs)) {
    reasons.push(`request.ioMs is ${describe(s.request.ioMs)}; theory needs requests without I/O`);
  }
  if (s.machines.count < 1) reasons.push('machines.count is 0; no machine is there to serve');
  return reasons;
}

function serverShape(s: Scenario): ShapeResult {
  const service = serviceTime(s);
  return s.server.model === 'thread-per-connection'
    ? threadPerConnectionShape(s, s.server, service)
    : messageQueueShape(s, s.server, service);
}

function threadPerConnectionShape(
  s: Scenario,
  server: ThreadPerConnection,
  service: ServiceTime,
): ShapeResult {
  const { count, cores } = s.machines;
  const reasons: string[] = [];
  if (server.threads === 0) reasons.push('server.threads is 0; no thread is there to serve');
  if (server.stopAfter !== null) {
    reasons.push(`server.stopAfter is ${server.stopAfter}; theory needs a server that keeps going`);
  }
  if (count > 1 && s.balancer !== 'random') {
    reasons.push(
      `balancer is ${s.balancer}; only the random balancer splits Poisson arrivals ` +
        'into independent Poisson streams',
    );
  }
  reasons.push(...workReasons(service, count === 1 && server.threads === 1, 'thread'));
  if (reasons.length > 0) return { reasons };

  const servers = Math.min(cores, server.threads);
  const shape: QueueShape = {
    streams: count,
    servers,
    capacity: server.threads + server.backlog,
    service,
    describe: threadPerConnectionWords(s, server, service),
    roomField: 'server.backlog',
  };
  return { shape, reasons };
}

function threadPerConnectionWords(
  s: Scenario,
  server: ThreadPerConnection,
  service: ServiceTime,
): string {
  const { count, cores } = s.machines;
  const threads =
    server.threads < cores
      ? `${plural(server.threads, 'thread')} (fewer than the ${cores} cores, so only ` +
        `${plural(server.threads, 'core')} can be busy)`
      : `${plural(cores, 'core')}, ${plural(server.threads, 'thread')}`;
  const perMachine = `${workWords(service)}, ${threads}, backlog ${server.backlog}.`;
  if (count === 1) return `Poisson arrivals, ${perMachine}`;
  return (
    `the random balancer splits the Poisson arrivals into ${count} independent Poisson ` +
    `streams, one per machine; each machine has ${perMachine} Throughput and mean counts ` +
    'are totals over the machines.'
  );
}

function messageQueueShape(s: Scenario, server: MessageQueue, service: ServiceTime): ShapeResult {
  const { count, cores } = s.machines;
  const reasons: string[] = [];
  if (server.workers === 0) reasons.push('server.workers is 0; no worker is there to serve');
  if (server.workers > cores) {
    reasons.push(
      `server.workers is ${server.workers} but machines.cores is ${cores}; ` +
        'theory needs workers <= cores so that no worker waits for a core',
    );
  }
  if (server.whenFull === 'block') {
    reasons.push('server.whenFull is block; theory needs a queue that rejects when full');
  }
  if (server.sendMs !== 0) {
    reasons.push(`server.sendMs is ${server.sendMs}; theory needs responses sent in no time`);
  }
  reasons.push(...workReasons(service, count === 1 && server.workers === 1, 'worker'));
  if (reasons.length > 0) return { reasons };

  const servers = count * server.workers;
  const pool =
    count === 1
      ? plural(servers, 'worker')
      : `${servers} workers (${count} machines x ${server.workers})`;
  const describe =
    `Poisson arrivals, ${workWords(service)}, ${pool} pulling from one shared queue, ` +
    `queue capacity ${server.queueCapacity}.`;
  const shape: QueueShape = {
    streams: 1,
    servers,
    capacity: servers + server.queueCapacity,
    service,
    describe,
    roomField: 'server.queueCapacity',
  };
  return { shape, reasons };
}

/** Exponential work fits any shape; other work only a single thread on a single machine. */
function workReasons(service: ServiceTime, singleServer: boolean, unit: string): string[] {
  if (service.dist === 'exponential' || singleServer) return [];
  return [
    `request.cpuMs is ${service.dist}; theory needs exponential CPU work ` +
      `unless one machine runs one ${unit}`,
  ];
}

type Solved = { theory?: QueueTheory; noteTail: string; reasons: string[] };

function solve(shape: QueueShape, ratePerSec: number): Solved {
  if (shape.service.dist === 'exponential')
    return { theory: solveMarkov(shape, ratePerSec), noteTail: '', reasons: [] };
  return solveGeneral(shape, ratePerSec);
}

/**
 * M/M/c/K for each stream. With several streams the totals add up across machines, while the
 * per-request figures (drop chance, times, utilization) are those of any one machine.
 */
function solveMarkov(shape: QueueShape, ratePerSec: number): QueueTheory {
  const serviceRatePerSec = 1000 / shape.service.meanMs;
  const { streams, servers, capacity } = shape;
  const one = mmck(ratePerSec / streams, serviceRatePerSec, servers, capacity);
  if (streams === 1) return one;
  return {
    ...one,
    model: `${streams} x ${one.model} (random split)`,
    offeredLoad: one.offeredLoad * streams,
    throughputPerSec: one.throughputPerSec * streams,
    meanInSystem: one.meanInSystem * streams,
    meanInQueue: one.meanInQueue * streams,
  };
}

/** Above this estimated chance of finding the queue full, treating it as unbounded misleads. */
const MAX_FULL_PROBABILITY = 1e-3;

function solveGeneral(shape: QueueShape, ratePerSec: number): Solved {
  const theory = mg1(ratePerSec, shape.service.meanMs, shape.service.varianceMs2);
  if (!theory.stable) {
    const rho = formatNumber(theory.offeredLoad);
    return {
      noteTail: '',
      reasons: [
        `overloaded: M/G/1 has no steady state, and load.ratePerSec times the mean of ` +
          `request.cpuMs (at machines.coreSpeed) gives rho = ${rho} >= 1`,
      ],
    };
  }
  const fullProbability = estimatedFullProbability(theory.meanInSystem, shape.capacity);
  if (fullProbability > MAX_FULL_PROBABILITY) {
    return { noteTail: '', reasons: [roomReason(shape, fullProbability)] };
  }
  const room = shape.capacity - shape.servers;
  return {
    theory,
    noteTail: ` The ${shape.roomField} of ${room} is treated as infinite.`,
    reasons: [],
  };
}

/**
 * P(N >= K) if the number present were geometric with the M/G/1 mean L: (L / (1 + L))^K.
 * It is exact for exponential work, and errs on the safe side for the less variable kinds.
 */
function estimatedFullProbability(meanInSystem: number, capacity: number): number {
  return (meanInSystem / (1 + meanInSystem)) ** capacity;
}

function roomReason(shape: QueueShape, fullProbability: number): string {
  const room = shape.capacity - shape.servers;
  const percent = formatNumber(fullProbability * 100);
  return (
    `${shape.roomField} is ${room}; M/G/1 treats the queue as unbounded, ` +
    `but about ${percent}% of arrivals would find it full`
  );
}

function serviceTime(s: Scenario): ServiceTime {
  const speed = s.machines.coreSpeed;
  const { meanMs, varianceMs2 } = distributionMoments(s.request.cpuMs);
  return {
    dist: s.request.cpuMs.dist,
    meanMs: meanMs / speed,
    varianceMs2: varianceMs2 / (speed * speed),
  };
}

function workWords(service: ServiceTime): string {
  const sd = formatNumber(Math.sqrt(service.varianceMs2));
  const spread = service.dist === 'exponential' ? '' : `, sd ${sd} ms`;
  return `${service.dist} CPU work (mean ${formatNumber(service.meanMs)} ms${spread} on a core)`;
}

function latencyNote(s: Scenario): string {
  const latencyMs = s.network.latencyMs;
  if (latencyMs === 0) return '';
  return ` Times are at the machine: network latency (${latencyMs} ms) is not in them.`;
}

/** Every distribution here is non-negative, so a zero mean means always zero. */
function isZero(d: Distribution): boolean {
  return distributionMoments(d).meanMs === 0;
}

function describe(d: Distribution): string {
  return d.dist === 'constant' ? `constant ${d.value}` : d.dist;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function formatNumber(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(3)));
}
