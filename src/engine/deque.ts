/**
 * A FIFO with O(1) push, shift and unshift on a growable ring, for backlogs, run queues and
 * message queues that may hold a million entries. Array.prototype.shift is O(n) and would turn a
 * full queue into a quadratic hot path.
 */
export class Deque<T> {
  private items: (T | undefined)[] = new Array<T | undefined>(16);
  private head = 0;
  private size = 0;

  get length(): number {
    return this.size;
  }

  push(item: T): void {
    if (this.size === this.items.length) this.grow();
    this.items[(this.head + this.size) & (this.items.length - 1)] = item;
    this.size++;
  }

  unshift(item: T): void {
    if (this.size === this.items.length) this.grow();
    this.head = (this.head - 1) & (this.items.length - 1);
    this.items[this.head] = item;
    this.size++;
  }

  shift(): T | undefined {
    if (this.size === 0) return undefined;
    const item = this.items[this.head];
    this.items[this.head] = undefined;
    this.head = (this.head + 1) & (this.items.length - 1);
    this.size--;
    return item;
  }

  pop(): T | undefined {
    if (this.size === 0) return undefined;
    const index = (this.head + this.size - 1) & (this.items.length - 1);
    const item = this.items[index];
    this.items[index] = undefined;
    this.size--;
    return item;
  }

  /** The i-th item from the front, or undefined past the end. */
  at(i: number): T | undefined {
    if (i < 0 || i >= this.size) return undefined;
    return this.items[(this.head + i) & (this.items.length - 1)];
  }

  /** Removes the first item equal to `item`; O(n), for rare removals such as a retiring worker. */
  remove(item: T): boolean {
    for (let i = 0; i < this.size; i++) {
      if (this.at(i) !== item) continue;
      for (let j = i; j < this.size - 1; j++) {
        this.items[(this.head + j) & (this.items.length - 1)] = this.at(j + 1);
      }
      this.pop();
      return true;
    }
    return false;
  }

  private grow(): void {
    const next = new Array<T | undefined>(this.items.length * 2);
    for (let i = 0; i < this.size; i++) next[i] = this.at(i);
    this.items = next;
    this.head = 0;
  }
}
