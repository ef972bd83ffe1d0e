/**
 * Where the requests are now: the exact number of tries in each stage (on the wire, in a backlog,
 * queued, waiting for a core, running, in I/O, waiting to push, in the response queue, being
 * sent). It walks machines, threads and the wire, never the entries of a queue, whose lengths
 * are known, so a backlog of a million costs nothing here.
 */
import { JobStage, JOB_STAGE_NAMES } from './model.ts';
import { MessageQueueServer } from './servers/messageQueue.ts';
import type { Simulation } from './simulation.ts';

export type StageName = (typeof JOB_STAGE_NAMES)[number];

/** Counts indexed by JobStage; `done` and `dropped` stay 0 (see the metrics for those). */
export function stageCounts(sim: Simulation): Int32Array {
  const counts = new Int32Array(JOB_STAGE_NAMES.length);
  for (const m of sim.machines) {
    for (const thread of m.threads) if (thread.job) counts[thread.job.stage]!++;
    counts[JobStage.backlog]! += m.backlog.length;
    if (m.pendingPublish) counts[JobStage.publishing]!++;
  }
  if (sim.server instanceof MessageQueueServer) {
    counts[JobStage.queued]! += sim.server.requestQueue.length;
    counts[JobStage.responseQueue]! += sim.server.responseQueue.length;
    if (sim.server.sending) counts[JobStage.sending]!++;
  }
  for (const job of sim.onTheWire) counts[job.stage]!++;
  return counts;
}

/** The same counts by name, for people and JSON. */
export function stageCountsByName(sim: Simulation): Record<StageName, number> {
  const counts = stageCounts(sim);
  return Object.fromEntries(JOB_STAGE_NAMES.map((name, i) => [name, counts[i]!])) as Record<
    StageName,
    number
  >;
}
