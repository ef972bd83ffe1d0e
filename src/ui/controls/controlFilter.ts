/**
 * Which controls to show. In presentation mode a lesson step names the few controls that matter
 * for it, and the panel shows only those, in large type; otherwise every control shows.
 */
import { createContext, useContext } from 'react';

/** Labels to show, or null for all. */
export const ControlFilter = createContext<ReadonlySet<string> | null>(null);

export function useControlShown(label: string): boolean {
  const only = useContext(ControlFilter);
  return only === null || only.has(label);
}
