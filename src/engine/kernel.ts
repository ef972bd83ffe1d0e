/**
 * The event scheduler: a binary heap of future events ordered by virtual time, then priority,
 * then the order they were scheduled in, so that events at the same instant run first-in
 * first-out and a run repeats exactly. Its verbs are few: schedule, peek, pop.
 *
 * The heap keeps its fields in parallel arrays rather than one object per event: a
 * million-request run schedules millions of events, and allocation would dominate.
 *
 * A pop leaves the root empty rather than refilling it at once, because the event it hands out
 * usually schedules the next one straight away (an arrival schedules the next arrival, a finished
 * slice the next slice): that event then drops into the hole from the top, one sift instead of
 * two. The pop order does not depend on the heap's shape, since no two events share a key.
 */

/** Milliseconds of simulated time. Never mixed with wall-clock time. */
export type SimTimeMs = number & { readonly __brand?: 'SimTimeMs' };

/** Events with a lower priority number run first among those at the same instant. */
export const PRIORITY_FIRST = 0;
export const PRIORITY_NORMAL = 1;
export const PRIORITY_LAST = 2;

/** Priority and scheduling order fold into one number: the order stays below 2^50. */
const PRIORITY_STEP = 2 ** 50;

export class EventQueue<Ref> {
  private times = new Float64Array(1024);
  private orders = new Float64Array(1024);
  private kinds = new Int32Array(1024);
  private auxes = new Float64Array(1024);
  private refs: (Ref | undefined)[] = new Array<Ref | undefined>(1024);
  /** Slots in use, counting an empty root left by `pop`. */
  private size = 0;
  private rootEmpty = false;
  private scheduled = 0;

  get length(): number {
    return this.rootEmpty ? this.size - 1 : this.size;
  }

  /** Schedules an event; `aux` carries a number such as a version that marks stale events. */
  schedule(time: number, kind: number, ref: Ref, aux = 0, priority = PRIORITY_NORMAL): void {
    if (!(time >= 0) || time === Infinity) throw new Error(`event time ${time} is not finite`);
    if (this.size === this.times.length) this.grow();
    const order = priority * PRIORITY_STEP + this.scheduled++;
    if (this.rootEmpty) {
      this.rootEmpty = false;
      this.siftDown(time, order, kind, aux, ref);
      return;
    }
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(time, order, parent)) break;
      this.move(parent, i);
      i = parent;
    }
    this.put(i, time, order, kind, aux, ref);
  }

  peekTime(): number {
    if (this.rootEmpty) this.fillRoot();
    return this.size > 0 ? this.times[0]! : Infinity;
  }

  /** Removes the earliest event into `out` and returns true, or false when the queue is empty. */
  pop(out: PoppedEvent<Ref>): boolean {
    if (this.rootEmpty) this.fillRoot();
    if (this.size === 0) return false;
    out.time = this.times[0]!;
    out.kind = this.kinds[0]!;
    out.aux = this.auxes[0]!;
    out.ref = this.refs[0]!;
    this.refs[0] = undefined;
    this.rootEmpty = true;
    return true;
  }

  /** No event came to take the empty root: the last event moves up into it. */
  private fillRoot(): void {
    this.rootEmpty = false;
    const last = --this.size;
    if (last === 0) return;
    const ref = this.refs[last];
    this.refs[last] = undefined;
    this.siftDown(this.times[last]!, this.orders[last]!, this.kinds[last]!, this.auxes[last]!, ref);
  }

  /** Places an event in the empty root and moves it down to where it belongs. */
  private siftDown(time: number, order: number, kind: number, aux: number, ref: Ref | undefined) {
    let i = 0;
    const n = this.size;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && this.lessAt(right, child)) child = right;
      if (!this.slotBefore(child, time, order)) break;
      this.move(child, i);
      i = child;
    }
    this.put(i, time, order, kind, aux, ref);
  }

  /** Whether an event at (time, order) comes before the one in slot j. */
  private less(time: number, order: number, j: number): boolean {
    const t = this.times[j]!;
    return time < t || (time === t && order < this.orders[j]!);
  }

  /** Whether the event in slot j comes before one at (time, order). */
  private slotBefore(j: number, time: number, order: number): boolean {
    const t = this.times[j]!;
    return t < time || (t === time && this.orders[j]! < order);
  }

  private lessAt(a: number, b: number): boolean {
    const ta = this.times[a]!;
    const tb = this.times[b]!;
    return ta < tb || (ta === tb && this.orders[a]! < this.orders[b]!);
  }

  private move(from: number, to: number): void {
    this.times[to] = this.times[from]!;
    this.orders[to] = this.orders[from]!;
    this.kinds[to] = this.kinds[from]!;
    this.auxes[to] = this.auxes[from]!;
    this.refs[to] = this.refs[from];
  }

  private put(
    i: number,
    time: number,
    order: number,
    kind: number,
    aux: number,
    ref: Ref | undefined,
  ) {
    this.times[i] = time;
    this.orders[i] = order;
    this.kinds[i] = kind;
    this.auxes[i] = aux;
    this.refs[i] = ref;
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    this.times = copyInto(new Float64Array(capacity), this.times);
    this.orders = copyInto(new Float64Array(capacity), this.orders);
    this.kinds = copyInto(new Int32Array(capacity), this.kinds);
    this.auxes = copyInto(new Float64Array(capacity), this.auxes);
    this.refs.length = capacity;
  }
}

export interface PoppedEvent<Ref> {
  time: number;
  kind: number;
  aux: number;
  ref: Ref | undefined;
}

function copyInto<T extends Float64Array | Int32Array>(target: T, source: T): T {
  target.set(source);
  return target;
}
