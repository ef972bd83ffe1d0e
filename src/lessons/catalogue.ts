/**
 * The nine lessons, in the order a course would take them: from a program that answers once, to
 * a service on threads and cores, to queues, backpressure, scaling up and out, and the ways
 * overload feeds itself. All text is ours; every claim is checked by lessons.test.ts.
 */
import type { ScenarioInput } from '../engine/scenario/schema.ts';
import type { Lesson } from './types.ts';

const exponential = (mean: number) => ({ dist: 'exponential' as const, mean });
const constant = (value: number) => ({ dist: 'constant' as const, value });

const programAndService: Lesson = {
  id: 'program-and-service',
  title: 'A program and a service',
  summary: 'A program answers once and exits; a service keeps listening.',
  explanation:
    'A program reads one input, prints an answer and stops. If a second person asks, nobody is ' +
    'there to hear them. A service is a program that never stops: it listens on a port, takes ' +
    'a request, answers it, and goes back to listening. Calling a service is much like calling ' +
    'a function on another computer: the request is a message that carries the arguments, and ' +
    'the answer comes back as another message.',
  scenario: {
    version: 1,
    name: 'A program that answers once',
    seed: 1,
    durationSec: 120,
    load: { pattern: 'constant', ratePerSec: 2 },
    request: { cpuMs: constant(60), ioMs: constant(0) },
    network: { latencyMs: 40 },
    machines: { count: 1, cores: 1, coreSpeed: 1 },
    server: { model: 'thread-per-connection', threads: 1, backlog: 4, stopAfter: 1 },
  },
  steps: [
    {
      title: 'Run the program',
      text:
        'This server is a program: it answers one request and stops listening. Watch the first ' +
        'request travel to it and back, then watch every request after it bounce off.',
      speed: 0.5,
      watch: ['completed', 'dropped'],
      controls: [],
      notice:
        'One request is answered. Every later one is dropped with the reason "nobody listening".',
    },
    {
      title: 'Make it a service',
      text:
        'Now the program keeps listening after each answer: it has become a service. Requests ' +
        'arrive twice a second and each one is answered.',
      set: { server: { stopAfter: null } },
      speed: 1,
      watch: ['throughput', 'dropped'],
      controls: [],
      notice: 'Drops stop; throughput settles at the arrival rate, 2 responses per second.',
    },
    {
      title: 'Open a request',
      text:
        'Press "Follow a request" (or click a dot). The inspector shows the request as a message ' +
        'with its arguments, its journey, and the response message that comes back.',
      speed: 0.25,
      watch: ['p50'],
      controls: [],
      notice:
        'Latency is the network there and back (2 × 40 ms) plus 60 ms of work: ' + 'about 140 ms.',
    },
  ],
};

const manyCopies: Lesson = {
  id: 'many-copies',
  title: 'Many copies',
  summary: 'More threads on more cores raise throughput, until threads outnumber cores.',
  explanation:
    'One thread on one core answers one request at a time. When requests need only the CPU, ' +
    'the way to answer more of them is to run more copies of the work at once: more threads, ' +
    'each on its own core. Threads beyond the number of cores have no core to run on; they take ' +
    'turns, so each request takes longer while the total work done stays the same.',
  scenario: {
    version: 1,
    name: 'CPU-bound work, more than one core can do',
    seed: 2,
    durationSec: 120,
    warmupSec: 10,
    load: { pattern: 'poisson', ratePerSec: 300 },
    request: { cpuMs: exponential(20), ioMs: constant(0) },
    machines: { count: 1, cores: 1, coreSpeed: 1 },
    server: { model: 'thread-per-connection', threads: 1, backlog: 20 },
  },
  steps: [
    {
      title: 'One thread, one core',
      text:
        'Each request needs 20 ms of CPU, so one core can answer about 50 a second. ' +
        '300 arrive.',
      watch: ['throughput', 'dropped', 'cpu'],
      controls: ['Cores per machine', 'Threads per machine'],
      notice:
        'Throughput sits near 50 per second, the CPU is always busy, and most requests are ' +
        'dropped.',
    },
    {
      title: 'Four threads on four cores',
      text: 'Give the machine four cores and four threads: four requests are worked on at once.',
      set: { machines: { cores: 4 }, server: { threads: 4 } },
      watch: ['throughput', 'cpu'],
      controls: ['Cores per machine', 'Threads per machine'],
      notice: 'Throughput rises about fourfold, to near 200 per second.',
    },
    {
      title: 'Sixteen threads on four cores',
      text:
        'Now try 16 threads on the same four cores. Sixteen requests are in progress, but only ' +
        'four ' +
        'can run at any moment; the others wait for a core.',
      set: { machines: { cores: 4 }, server: { threads: 16 } },
      watch: ['throughput', 'p50'],
      controls: ['Threads per machine'],
      notice:
        'Throughput stays near 200 per second, while latency rises: each request now shares a ' +
        'core ' +
        'and spends longer on its thread.',
    },
  ],
};

const burstLoad = {
  pattern: 'bursts' as const,
  ratePerSec: 150,
  burstRatePerSec: 600,
  burstEverySec: 10,
  burstLengthSec: 2,
};

const webServerUnderBurst: ScenarioInput = {
  version: 1,
  name: 'Thread per connection under bursts',
  seed: 3,
  durationSec: 120,
  load: burstLoad,
  request: { cpuMs: exponential(12), ioMs: constant(0) },
  network: { latencyMs: 5 },
  machines: { count: 1, cores: 4, coreSpeed: 1 },
  server: { model: 'thread-per-connection', threads: 8, backlog: 16 },
};

const nobodyFree: Lesson = {
  id: 'nobody-free',
  title: 'Nobody free to listen',
  summary: 'A thread-per-connection server drops connections when threads and backlog are full.',
  explanation:
    'A thread-per-connection server gives each connection a thread of its own. When every ' +
    'thread is busy, new connections wait in the backlog, a short queue kept by the operating ' +
    'system. When the backlog is full too, the next connection is refused. Web servers that rely ' +
    'on connections alone behave like this under a sudden burst.',
  scenario: webServerUnderBurst,
  steps: [
    {
      title: 'Watch a burst arrive',
      text:
        'Every 10 seconds, for 2 seconds, four times as many requests arrive. Eight threads on ' +
        'four ' +
        'cores can answer about 330 a second; the burst brings 600.',
      watch: ['dropped', 'queue', 'throughput'],
      controls: ['Backlog', 'Threads per machine'],
      notice: 'During each burst the backlog fills and requests fall out as "backlog full".',
    },
    {
      title: 'A longer backlog',
      text: 'Raise the backlog to 400 so the burst can wait instead of being turned away.',
      set: { server: { backlog: 400 } },
      watch: ['dropped', 'p99'],
      controls: ['Backlog'],
      notice:
        'Far fewer drops, but requests that arrive in a burst wait much longer: p99 latency ' +
        'climbs.',
    },
  ],
};

const messageQueueUnderBurst: ScenarioInput = {
  ...webServerUnderBurst,
  name: 'A message queue under the same bursts',
  server: {
    model: 'message-queue',
    workers: 4,
    queueCapacity: 2000,
    whenFull: 'reject',
    backlog: 128,
  },
};

const addingQueue: Lesson = {
  id: 'adding-a-queue',
  title: 'Adding a message queue',
  summary: 'A queue between the front end and the workers absorbs the burst.',
  explanation:
    'Put a message queue between the part that accepts connections and the part that does the ' +
    'work. The front end publishes each request as a message and goes straight back to ' +
    'accepting; workers take messages from the queue when they are free. A burst now makes the ' +
    "queue longer instead of turning people away, up to the queue's capacity. Answers travel " +
    'back the same way, through a response queue.',
  scenario: messageQueueUnderBurst,
  steps: [
    {
      title: 'The same bursts, through a queue',
      text:
        'The same bursts as the last lesson (same seed, so the very same requests) arrive at a ' +
        'front end that publishes to a queue of 2000 messages, served by four workers.',
      watch: ['queue', 'dropped', 'p99'],
      controls: ['Queue capacity', 'Workers per machine'],
      notice: 'The queue swells in each burst and drains after it. Nothing is dropped.',
    },
    {
      title: 'A small queue',
      text: 'Shrink the queue to 50 messages. When it is full the front end rejects new requests.',
      set: { server: { queueCapacity: 50 } },
      watch: ['dropped', 'queue'],
      controls: ['Queue capacity', 'When the queue is full'],
      notice:
        'Drops return, now with the reason "queue full": the queue only absorbs what it can hold.',
    },
    {
      title: 'The response queue',
      text:
        'Give the sender 2 ms per response. Finished answers now wait their turn in the response ' +
        'queue before they go back to the clients.',
      set: { server: { queueCapacity: 2000, sendMs: 2 } },
      watch: ['p50', 'queue'],
      controls: [],
      notice:
        'Answers pass through the response queue on the way out; during bursts it holds a few.',
    },
  ],
};

const serviceThread: Lesson = {
  id: 'service-thread',
  title: 'The service thread',
  summary: 'pop → work → push: waiting at either end is how backpressure travels.',
  explanation:
    'Each worker runs the same short loop for ever: pop a message (waiting while the queue is ' +
    'empty), do the work, push the response (waiting while the response queue is full). If the ' +
    'sender falls behind, workers wait at push; then nobody pops, the request queue fills, the ' +
    'acceptor waits to publish, and the backlog fills. A slow stage slows every stage before ' +
    'it: that is backpressure.',
  scenario: {
    version: 1,
    name: 'Workers, a request queue and a slow sender',
    seed: 5,
    durationSec: 90,
    warmupSec: 10,
    load: { pattern: 'poisson', ratePerSec: 200 },
    request: { cpuMs: exponential(5), ioMs: constant(0) },
    machines: { count: 1, cores: 4, coreSpeed: 1 },
    server: {
      model: 'message-queue',
      workers: 4,
      queueCapacity: 50,
      whenFull: 'block',
      backlog: 100,
      responseQueueCapacity: 8,
      sendMs: 2,
    },
  },
  steps: [
    {
      title: 'The loop at rest',
      text:
        'Select a worker. Its line in the service loop moves between pop and work; most of the ' +
        'time it waits at pop, because the four workers can do more than arrives.',
      speed: 0.1,
      watch: ['throughput', 'queue'],
      controls: [],
      notice: 'Workers spend most of their time waiting at pop; the queues stay short.',
    },
    {
      title: 'A slow sender',
      text:
        'Make the sender take 6 ms per response: it can send only about 166 a second, fewer than ' +
        'the 200 that arrive.',
      set: { server: { sendMs: 6 } },
      watch: ['queue', 'dropped', 'throughput'],
      controls: ['When the queue is full'],
      notice:
        'Workers wait at push, the request queue fills, the acceptor blocks, and requests are ' +
        "dropped at the backlog: throughput is capped at the sender's pace.",
    },
  ],
};

const oneCore: Lesson = {
  id: 'one-core',
  title: 'Concurrency on one core',
  summary: 'With I/O-heavy requests, more threads help even on a single core.',
  explanation:
    'Most requests do not only compute: they wait for a database, a disk or another service. A ' +
    'thread that waits on I/O holds no core. With one thread, the core sits idle during every ' +
    'wait. With many threads, while one waits another computes, so a single core can keep many ' +
    'requests in progress at once. That is concurrency without parallelism.',
  scenario: {
    version: 1,
    name: 'I/O-heavy requests on one core',
    seed: 6,
    durationSec: 120,
    warmupSec: 10,
    load: { pattern: 'poisson', ratePerSec: 300 },
    request: { cpuMs: exponential(2), ioMs: constant(40) },
    machines: { count: 1, cores: 1, coreSpeed: 1 },
    server: { model: 'thread-per-connection', threads: 1, backlog: 64 },
  },
  steps: [
    {
      title: 'One thread',
      text:
        'Each request needs 2 ms of CPU and then waits 40 ms on a database. ' +
        'One thread, one core.',
      watch: ['throughput', 'cpu', 'dropped'],
      controls: ['Threads per machine'],
      notice: 'About 24 answers a second, and the core is idle more than 90% of the time.',
    },
    {
      title: 'Eight threads',
      text: 'Raise the threads to 8, still on one core.',
      set: { server: { threads: 8 } },
      watch: ['throughput', 'cpu'],
      controls: ['Threads per machine'],
      notice: 'Throughput rises about eightfold while the core is still mostly idle.',
    },
    {
      title: 'Thirty-two threads',
      text: 'Raise the threads to 32.',
      set: { server: { threads: 32 } },
      watch: ['throughput', 'cpu', 'dropped'],
      controls: ['Threads per machine'],
      notice:
        'Every request is answered: many threads give far more than four times the throughput of ' +
        'one.',
    },
  ],
};

const vertical: Lesson = {
  id: 'vertical-scaling',
  title: 'Vertical scaling',
  summary: 'A bigger machine: more cores, faster cores, and where that stops.',
  explanation:
    'Scaling up means giving the one machine more: more cores, or faster ones. More cores help ' +
    'while there are threads to run on them; faster cores shorten the CPU part of each request. ' +
    'Neither shortens the time spent waiting on I/O, and a single machine can only grow so far.',
  scenario: {
    version: 1,
    name: 'One machine under growing load',
    seed: 7,
    durationSec: 120,
    warmupSec: 10,
    load: { pattern: 'poisson', ratePerSec: 400 },
    request: { cpuMs: exponential(10), ioMs: constant(10) },
    machines: { count: 1, cores: 2, coreSpeed: 1 },
    server: { model: 'thread-per-connection', threads: 16, backlog: 64 },
  },
  steps: [
    {
      title: 'Two cores',
      text:
        'Requests need 10 ms of CPU and 10 ms of I/O. Two cores can do about 200 a second; 400 ' +
        'arrive.',
      watch: ['throughput', 'dropped', 'cpu'],
      controls: ['Cores per machine', 'Core speed'],
      notice: 'The CPU is saturated and half the requests are dropped.',
    },
    {
      title: 'Eight cores',
      text: 'Give the machine eight cores.',
      set: { machines: { cores: 8 } },
      watch: ['throughput', 'p50'],
      controls: ['Cores per machine'],
      notice: 'Every request is answered now; the CPU has room to spare.',
    },
    {
      title: 'Faster cores',
      text: 'Double the core speed.',
      set: { machines: { cores: 8, coreSpeed: 2 } },
      watch: ['p50', 'cpu'],
      controls: ['Core speed'],
      notice: 'Latency falls, but never below the 10 ms of I/O that no CPU can speed up.',
    },
    {
      title: 'Cores without threads',
      text: 'With 4 threads, go back to speed 1 and give the machine 32 cores.',
      set: { machines: { cores: 32, coreSpeed: 1 }, server: { threads: 4 } },
      watch: ['throughput', 'cpu', 'dropped'],
      controls: ['Cores per machine', 'Threads per machine'],
      notice: 'Four threads can use only four cores: the rest sit idle and requests are dropped.',
    },
  ],
};

const heavyTail = { dist: 'lognormal' as const, mean: 10, sd: 40 };

const horizontal: Lesson = {
  id: 'horizontal-scaling',
  title: 'Horizontal scaling',
  summary: "More machines behind a balancer, and why the balancer's policy matters.",
  explanation:
    'Scaling out means adding machines and putting a balancer in front of them. How the ' +
    'balancer chooses matters when some requests are much slower than others: a machine that is ' +
    'stuck on a slow request should not be handed the next one. With a shared message queue, ' +
    'nobody has to choose: idle workers pull the next message themselves.',
  scenario: {
    version: 1,
    name: 'Machines behind a balancer, some requests slow',
    seed: 8,
    durationSec: 150,
    warmupSec: 10,
    load: { pattern: 'poisson', ratePerSec: 500 },
    request: { cpuMs: heavyTail, ioMs: constant(0) },
    network: { latencyMs: 2 },
    machines: { count: 1, cores: 2, coreSpeed: 1 },
    balancer: 'random',
    server: { model: 'thread-per-connection', threads: 2, backlog: 40 },
  },
  steps: [
    {
      title: 'One machine',
      text: 'One machine of two cores can answer about 200 requests a second. 500 arrive.',
      watch: ['throughput', 'dropped'],
      controls: ['Machines'],
      notice: 'Most requests are dropped.',
    },
    {
      title: 'Four machines, chosen at random',
      text: 'Add three machines. The balancer sends each connection to a machine chosen at random.',
      set: { machines: { count: 4 } },
      watch: ['throughput', 'p99'],
      controls: ['Machines', 'Balancer'],
      notice:
        'Throughput rises to meet the load, but the slowest requests wait long: a random choice ' +
        'often lands behind a slow request.',
    },
    {
      title: 'Least connections',
      text:
        'Switch the balancer to least-connections: each connection goes to the least busy ' +
        'machine.',
      set: { machines: { count: 4 }, balancer: 'least-connections' },
      watch: ['p99', 'dropped'],
      controls: ['Balancer'],
      notice: 'p99 latency and drops fall: the balancer steers around machines stuck on slow work.',
    },
    {
      title: 'Workers pull from one queue',
      text:
        'The same four machines, now as message-queue workers pulling from one shared queue. No ' +
        'balancer picks a worker: whoever is free takes the next message.',
      scenario: {
        version: 1,
        name: 'Four machines pulling from one queue',
        seed: 8,
        durationSec: 150,
        warmupSec: 10,
        load: { pattern: 'poisson', ratePerSec: 500 },
        request: { cpuMs: heavyTail, ioMs: constant(0) },
        network: { latencyMs: 2 },
        machines: { count: 4, cores: 2, coreSpeed: 1 },
        balancer: 'random',
        server: {
          model: 'message-queue',
          workers: 2,
          queueCapacity: 160,
          whenFull: 'reject',
          backlog: 64,
        },
      },
      watch: ['p99', 'dropped', 'queue'],
      controls: ['Workers per machine', 'Queue capacity'],
      notice:
        'With the same room for waiting requests, p99 latency is lower than with ' +
        'least-connections.',
    },
  ],
};

const beyond: Lesson = {
  id: 'beyond',
  title: "Beyond: retries and Little's law",
  summary: 'Timeouts and retries can turn a short overload into a lasting one.',
  explanation:
    'Clients do not wait for ever: after a timeout they give up, and often they try again. The ' +
    'server, meanwhile, may still be working on the request it was given up on. During an ' +
    'overload every timeout adds another request, so the overload feeds itself: a retry storm. ' +
    'One law holds throughout, for any system that is not filling up or emptying: the number of ' +
    "requests inside equals throughput times the time each spends inside (Little's law).",
  scenario: {
    version: 1,
    name: 'A short spike with timeouts',
    seed: 9,
    durationSec: 150,
    load: { pattern: 'poisson', ratePerSec: 100 },
    request: { cpuMs: exponential(5), ioMs: constant(0) },
    timeoutMs: 300,
    retry: null,
    machines: { count: 1, cores: 1, coreSpeed: 1 },
    server: { model: 'thread-per-connection', threads: 16, backlog: 500 },
    changes: [
      { atSec: 30, set: { load: { pattern: 'poisson', ratePerSec: 300 } } },
      { atSec: 40, set: { load: { pattern: 'poisson', ratePerSec: 100 } } },
    ],
  },
  steps: [
    {
      title: 'A spike without retries',
      text:
        'At 30 s the load triples for ten seconds. Clients give up after 300 ms and do not try ' +
        'again.',
      watch: ['timeouts', 'throughput', 'queue'],
      controls: ['Client timeout'],
      notice: 'Timeouts pile up during the spike and shortly after; then the server recovers.',
    },
    {
      title: 'The same spike with retries',
      text:
        'Now each client retries up to three more times. The run starts again, with the same ' +
        'spike.',
      scenario: {
        version: 1,
        name: 'A short spike with timeouts and retries',
        seed: 9,
        durationSec: 150,
        load: { pattern: 'poisson', ratePerSec: 100 },
        request: { cpuMs: exponential(5), ioMs: constant(0) },
        timeoutMs: 300,
        retry: { attempts: 4, backoffMs: 50, multiplier: 2 },
        machines: { count: 1, cores: 1, coreSpeed: 1 },
        server: { model: 'thread-per-connection', threads: 16, backlog: 500 },
        changes: [
          { atSec: 30, set: { load: { pattern: 'poisson', ratePerSec: 300 } } },
          { atSec: 40, set: { load: { pattern: 'poisson', ratePerSec: 100 } } },
        ],
      },
      watch: ['timeouts', 'throughput', 'dropped'],
      controls: ['Client timeout'],
      notice:
        'The spike ends at 40 s but the overload does not: retries keep the backlog full, and ' +
        'almost nothing is answered in time long after the spike.',
    },
    {
      title: "Little's law",
      text:
        'Turn off the spike (a calm 150 per second). Compare "in flight" with throughput × mean ' +
        'latency (p50 is close to the mean here only roughly; the charts show the mean).',
      scenario: {
        version: 1,
        name: "Little's law on a calm server",
        seed: 9,
        durationSec: 150,
        warmupSec: 10,
        load: { pattern: 'poisson', ratePerSec: 150 },
        request: { cpuMs: exponential(5), ioMs: constant(20) },
        machines: { count: 1, cores: 1, coreSpeed: 1 },
        server: { model: 'thread-per-connection', threads: 16, backlog: 500 },
      },
      watch: ['inflight', 'throughput', 'p50'],
      controls: [],
      notice: 'In flight ≈ throughput × mean latency, second by second.',
    },
  ],
};

export const LESSONS: readonly Lesson[] = [
  programAndService,
  manyCopies,
  nobodyFree,
  addingQueue,
  serviceThread,
  oneCore,
  vertical,
  horizontal,
  beyond,
];

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
