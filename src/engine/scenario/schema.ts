/**
 * The scenario file, version 1: everything a run needs, validated strictly. A scenario is data a
 * person typed, shared in a link or loaded from a file, so every number has a bound and every
 * object refuses fields it does not know. The same schema checks files, URLs, controls and the
 * command line; docs/scenario.md explains each field and public/scenario.schema.json publishes it.
 */
import { z } from 'zod';

export const SCENARIO_VERSION = 1;

/** One hour: no single piece of work or wait in a scenario is longer. */
const MAX_MS = 3_600_000;
const ms = () => z.number().min(0).max(MAX_MS);
const positiveMs = () => z.number().gt(0).max(MAX_MS);

export const distributionSchema = z.discriminatedUnion('dist', [
  z.strictObject({ dist: z.literal('constant'), value: ms() }),
  z.strictObject({ dist: z.literal('exponential'), mean: positiveMs() }),
  z
    .strictObject({ dist: z.literal('uniform'), min: ms(), max: ms() })
    .refine((d) => d.min <= d.max, { message: 'min must not exceed max', path: ['max'] }),
  z.strictObject({ dist: z.literal('lognormal'), mean: positiveMs(), sd: ms() }),
]);

const ratePerSec = () => z.number().min(0).max(100_000);

export const loadSchema = z.discriminatedUnion('pattern', [
  z.strictObject({ pattern: z.literal('poisson'), ratePerSec: ratePerSec() }),
  z.strictObject({ pattern: z.literal('constant'), ratePerSec: ratePerSec() }),
  z.strictObject({
    pattern: z.literal('bursts'),
    ratePerSec: ratePerSec(),
    burstRatePerSec: ratePerSec(),
    burstEverySec: z.number().gt(0).max(86_400),
    burstLengthSec: z.number().gt(0).max(86_400),
  }),
  z.strictObject({
    pattern: z.literal('ramp'),
    fromPerSec: ratePerSec(),
    toPerSec: ratePerSec(),
    rampSec: z.number().gt(0).max(86_400),
  }),
  z.strictObject({
    pattern: z.literal('closed'),
    users: z.number().int().min(0).max(100_000),
    thinkMs: distributionSchema,
  }),
]);

export const requestSchema = z.strictObject({
  cpuMs: distributionSchema,
  ioMs: distributionSchema.default({ dist: 'constant', value: 0 }),
});

export const retrySchema = z.strictObject({
  attempts: z.number().int().min(1).max(10),
  backoffMs: ms(),
  multiplier: z.number().min(1).max(10).default(2),
});

export const machinesSchema = z.strictObject({
  count: z.number().int().min(0).max(64),
  cores: z.number().int().min(1).max(256),
  coreSpeed: z.number().min(0.1).max(100),
});

export const BALANCERS = ['round-robin', 'random', 'least-connections', 'power-of-two'] as const;
export const balancerSchema = z.enum(BALANCERS);

const threadCount = () => z.number().int().min(0).max(4096);
const queueLength = () => z.number().int().min(0).max(1_000_000);

export const threadPerConnectionSchema = z.strictObject({
  model: z.literal('thread-per-connection'),
  threads: threadCount(),
  backlog: queueLength(),
  stopAfter: z.number().int().min(1).max(1_000_000).nullable().default(null),
});

export const messageQueueSchema = z.strictObject({
  model: z.literal('message-queue'),
  workers: threadCount(),
  queueCapacity: queueLength(),
  whenFull: z.enum(['reject', 'block']),
  backlog: queueLength(),
  responseQueueCapacity: queueLength().default(1_000_000),
  sendMs: ms().default(0),
});

export const serverSchema = z.discriminatedUnion('model', [
  threadPerConnectionSchema,
  messageQueueSchema,
]);

export const cpuSchema = z.strictObject({
  quantumMs: z.number().gt(0).max(10_000).default(10),
  contextSwitchMs: z.number().min(0).max(1_000).default(0),
});

/**
 * A live change: any tunable part of the scenario at a moment of virtual time. Objects replace
 * their counterparts field by field; the server's model cannot change while running.
 */
export const patchSchema = z.strictObject({
  load: loadSchema.optional(),
  request: z
    .strictObject({ cpuMs: distributionSchema.optional(), ioMs: distributionSchema.optional() })
    .optional(),
  network: z.strictObject({ latencyMs: ms() }).optional(),
  timeoutMs: positiveMs().nullable().optional(),
  retry: retrySchema.nullable().optional(),
  machines: machinesSchema.partial().optional(),
  balancer: balancerSchema.optional(),
  server: z
    .strictObject({
      threads: threadCount().optional(),
      workers: threadCount().optional(),
      backlog: queueLength().optional(),
      queueCapacity: queueLength().optional(),
      whenFull: z.enum(['reject', 'block']).optional(),
      responseQueueCapacity: queueLength().optional(),
      sendMs: ms().optional(),
      stopAfter: z.number().int().min(1).max(1_000_000).nullable().optional(),
    })
    .optional(),
  cpu: cpuSchema.partial().optional(),
});

export const changeSchema = z.strictObject({
  atSec: z.number().min(0).max(86_400),
  set: patchSchema,
});

export const scenarioSchema = z
  .strictObject({
    version: z.literal(SCENARIO_VERSION),
    name: z.string().max(120).optional(),
    description: z.string().max(4_000).optional(),
    seed: z.number().int().min(0).max(4_294_967_295),
    durationSec: z.number().gt(0).max(86_400),
    warmupSec: z.number().min(0).max(86_400).default(0),
    load: loadSchema,
    request: requestSchema,
    network: z.strictObject({ latencyMs: ms() }).default({ latencyMs: 0 }),
    timeoutMs: positiveMs().nullable().default(null),
    retry: retrySchema.nullable().default(null),
    machines: machinesSchema,
    balancer: balancerSchema.default('random'),
    server: serverSchema,
    cpu: cpuSchema.default({ quantumMs: 10, contextSwitchMs: 0 }),
    changes: z.array(changeSchema).max(1_000).default([]),
  })
  .refine((s) => s.warmupSec < s.durationSec, {
    message: 'must be shorter than durationSec',
    path: ['warmupSec'],
  });

export type Distribution = z.output<typeof distributionSchema>;
export type Load = z.output<typeof loadSchema>;
export type LoadPattern = Load['pattern'];
export type Retry = z.output<typeof retrySchema>;
export type Balancer = z.output<typeof balancerSchema>;
export type ThreadPerConnection = z.output<typeof threadPerConnectionSchema>;
export type MessageQueue = z.output<typeof messageQueueSchema>;
export type Server = z.output<typeof serverSchema>;
export type ServerModel = Server['model'];
export type Patch = z.output<typeof patchSchema>;
export type Change = z.output<typeof changeSchema>;
export type Scenario = z.output<typeof scenarioSchema>;
/** A scenario as a person may write it: fields with defaults may be left out. */
export type ScenarioInput = z.input<typeof scenarioSchema>;
