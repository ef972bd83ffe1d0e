/**
 * What happened since the page's previous frame, for drops falling out and completions flashing.
 * The host drains the engine's transition log after every batch of events (so the log's own ring
 * rarely overflows at high speed) and pours each batch in here; a frame takes the newest
 * `MAX_HAPPENED` entries and counts the rest as lost: at that rate nobody can see single dots.
 */
import type { Transitions } from '../engine/transitions.ts';
import type { EventsFrame } from './protocol.ts';

export const MAX_HAPPENED = 2000;

export class HappenedSinceFrame {
  private readonly kind = new Uint8Array(MAX_HAPPENED);
  private readonly requestId = new Float64Array(MAX_HAPPENED);
  private readonly machine = new Int32Array(MAX_HAPPENED);
  private readonly reason = new Int8Array(MAX_HAPPENED);
  /** Ring position of the oldest entry kept. */
  private start = 0;
  private size = 0;
  private lost = 0;

  add(batch: Transitions): void {
    this.lost += batch.lost;
    for (let k = 0; k < batch.count; k++) {
      if (this.size === MAX_HAPPENED) {
        this.start = (this.start + 1) % MAX_HAPPENED;
        this.size--;
        this.lost++;
      }
      const i = (this.start + this.size++) % MAX_HAPPENED;
      this.kind[i] = batch.kind[k]!;
      this.requestId[i] = batch.requestId[k]!;
      this.machine[i] = batch.machine[k]!;
      this.reason[i] = batch.reason[k]!;
    }
  }

  /** The entries since the last take, oldest first, in fresh arrays that may be transferred. */
  take(): EventsFrame {
    const n = this.size;
    const out: EventsFrame = {
      count: n,
      kind: new Uint8Array(n),
      requestId: new Float64Array(n),
      machine: new Int32Array(n),
      reason: new Int8Array(n),
      lost: this.lost,
    };
    for (let k = 0; k < n; k++) {
      const i = (this.start + k) % MAX_HAPPENED;
      out.kind[k] = this.kind[i]!;
      out.requestId[k] = this.requestId[i]!;
      out.machine[k] = this.machine[i]!;
      out.reason[k] = this.reason[i]!;
    }
    this.clear();
    return out;
  }

  clear(): void {
    this.start = 0;
    this.size = 0;
    this.lost = 0;
  }
}
