/**
 * Switching the server architecture keeps the rest of the scenario, so the same load meets the
 * other design. The model cannot change in a running simulation, so the page reloads the scenario
 * with the other server: the threads of one become the workers of the other and the backlog stays.
 * The new message queue holds at least a thousand messages (more if the backlog was bigger), since
 * room to absorb a burst is what a queue is for. Scheduled changes are translated
 * too, because a change naming `threads` is refused by a message-queue server (and vice versa).
 */
import type {
  MessageQueue,
  Patch,
  Scenario,
  ServerModel,
  ThreadPerConnection,
} from '../../engine/scenario/schema.ts';

export const ARCHITECTURES: { model: ServerModel; words: string }[] = [
  { model: 'thread-per-connection', words: 'Thread per connection' },
  { model: 'message-queue', words: 'Message queue' },
];

/** The scenario with the other server; the one it was loaded with is preferred when it fits. */
export function withArchitecture(
  scenario: Scenario,
  model: ServerModel,
  loaded: Scenario | null,
): Scenario {
  if (scenario.server.model === model) return scenario;
  const server =
    loaded?.server.model === model ? loaded.server : convertServer(scenario.server, model);
  const changes = scenario.changes.map((c) => ({ ...c, set: translatePatch(c.set, model) }));
  // The description spoke of the other design, so it goes; the name says which design this is.
  const { description: _spokeOfTheOther, ...rest } = scenario;
  return { ...rest, name: renamed(scenario.name, model), server, changes };
}

const ARCHITECTURE_SUFFIX = / \((Thread per connection|Message queue)\)$/;

function renamed(name: string | undefined, model: ServerModel): string {
  const base = (name ?? 'Scenario').replace(ARCHITECTURE_SUFFIX, '');
  const words = ARCHITECTURES.find((a) => a.model === model)?.words ?? model;
  return `${base} (${words})`.slice(0, 120);
}

function convertServer(server: Scenario['server'], model: ServerModel): Scenario['server'] {
  switch (model) {
    case 'message-queue':
      return server.model === 'message-queue' ? server : toMessageQueue(server);
    case 'thread-per-connection':
      return server.model === 'thread-per-connection' ? server : toThreadPerConnection(server);
  }
}

const MIN_QUEUE_CAPACITY = 1000;

function toMessageQueue(server: ThreadPerConnection): MessageQueue {
  return {
    model: 'message-queue',
    workers: server.threads,
    queueCapacity: Math.max(server.backlog, MIN_QUEUE_CAPACITY),
    whenFull: 'reject',
    backlog: server.backlog,
    responseQueueCapacity: 1_000_000,
    sendMs: 0,
  };
}

function toThreadPerConnection(server: MessageQueue): ThreadPerConnection {
  return {
    model: 'thread-per-connection',
    threads: server.workers,
    backlog: server.backlog,
    stopAfter: null,
  };
}

type ServerPatch = NonNullable<Patch['server']>;

/** The server part of a patch in the other model's words; fields it lacks are left out. */
export function translatePatch(patch: Patch, model: ServerModel): Patch {
  if (!patch.server) return patch;
  const { threads, workers, queueCapacity, whenFull, responseQueueCapacity, sendMs, stopAfter } =
    patch.server;
  const server: ServerPatch = { backlog: patch.server.backlog };
  switch (model) {
    case 'message-queue':
      Object.assign(server, { workers: workers ?? threads, queueCapacity, whenFull });
      Object.assign(server, { responseQueueCapacity, sendMs });
      break;
    case 'thread-per-connection':
      Object.assign(server, { threads: threads ?? workers, stopAfter });
      break;
  }
  return { ...patch, server: definedOnly(server) };
}

function definedOnly(server: ServerPatch): ServerPatch {
  return Object.fromEntries(Object.entries(server).filter(([, v]) => v !== undefined));
}
