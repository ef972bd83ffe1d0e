import { describe, expect, it } from 'vitest';
import { DotField, GLIDE_MS, type MutablePoint } from './dots.ts';
import { PlaceKind } from './places.ts';

const at: MutablePoint = { x: 0, y: 0 };

/** A field in which one request has sat in a backlog slot at (10, 10) since `sinceMs`. */
function settledField(reducedMotion: boolean, sinceMs: number): DotField {
  const dots = new DotField(reducedMotion);
  dots.begin(sinceMs);
  dots.place(7, PlaceKind.backlog, 1, 10, 10, 3, NaN, NaN);
  dots.end(() => {});
  return dots;
}

function moveToThread(dots: DotField, nowMs: number): void {
  dots.begin(nowMs);
  dots.place(7, PlaceKind.thread, 2, 110, 10, 3, NaN, NaN);
  dots.end(() => {});
}

describe('DotField', () => {
  it('glides a dot that changed place from where it was drawn', () => {
    const dots = settledField(false, 0);
    moveToThread(dots, 1000);
    const dot = dots.byId.get(7)!;

    expect(dots.positionOf(dot, 1000, at).x).toBe(10);
    const midway = dots.positionOf(dot, 1000 + GLIDE_MS / 2, at).x;
    expect(midway).toBeGreaterThan(10);
    expect(midway).toBeLessThan(110);
    expect(dots.positionOf(dot, 1000 + GLIDE_MS, at).x).toBe(110);
  });

  it('glides no longer than the dot stayed in its last place', () => {
    const dots = settledField(false, 0);
    moveToThread(dots, 100);

    expect(dots.positionOf(dots.byId.get(7)!, 200, at).x).toBe(110);
  });

  it('jumps a dot that stayed for a single display frame', () => {
    const dots = settledField(false, 0);
    moveToThread(dots, 16);

    expect(dots.positionOf(dots.byId.get(7)!, 16, at).x).toBe(110);
  });

  it('jumps straight to the new place with reduced motion', () => {
    const dots = settledField(true, 0);
    moveToThread(dots, 1000);

    expect(dots.positionOf(dots.byId.get(7)!, 1000, at).x).toBe(110);
  });

  it('follows a place that moves by itself without gliding', () => {
    const dots = new DotField(false);
    dots.begin(0);
    dots.place(3, PlaceKind.wireIn, 5, 10, 0, 3, NaN, NaN);
    dots.begin(1000);
    dots.place(3, PlaceKind.wireIn, 5, 40, 0, 3, NaN, NaN);

    expect(dots.positionOf(dots.byId.get(3)!, 1000, at).x).toBe(40);
  });

  it('hands dots that were not placed to the callback and forgets them', () => {
    const dots = settledField(false, 0);
    const gone: number[] = [];
    dots.begin(1000);
    dots.end((dot) => gone.push(dot.id));

    expect(gone).toEqual([7]);
    expect(dots.byId.size).toBe(0);
  });

  it('keeps the first place of a request seen twice in one frame', () => {
    const dots = settledField(false, 0);
    dots.begin(1000);
    dots.place(7, PlaceKind.backlog, 1, 10, 10, 3, NaN, NaN);
    dots.place(7, PlaceKind.wireIn, 9, 500, 10, 3, NaN, NaN);

    expect(dots.byId.get(7)!.kind).toBe(PlaceKind.backlog);
  });
});
