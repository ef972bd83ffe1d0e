/**
 * Where a try of a request is, as the screen should show it. The engine sets a job's stage when
 * the job moves between places, but the CPU scheduler moves threads between the run queue and
 * the cores without touching their jobs, so while a thread holds a job, the thread's state is
 * the truth: running, waiting for a core, in I/O or waiting to push.
 */
import { JobStage, ThreadState, type Job } from '../engine/model.ts';

export function stageOf(job: Job): JobStage {
  const thread = job.thread;
  if (!thread || thread.job !== job) return job.stage;
  switch (thread.state) {
    case ThreadState.running:
      return JobStage.running;
    case ThreadState.waitingForCore:
      return JobStage.waitingForCore;
    case ThreadState.io:
      return JobStage.io;
    case ThreadState.waitingToPush:
      return JobStage.waitingToPush;
    case ThreadState.idle:
      return job.stage;
  }
}
