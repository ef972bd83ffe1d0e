/**
 * The series and distributions the charts draw, pulled from the engine about four times a
 * second while the run plays, and once after each pause, step, reset or live change.
 */
import { create } from 'zustand';
import type { History } from '../worker/protocol.ts';

export interface HistoryState {
  history: History | null;
}

export const useHistory = create<HistoryState>(() => ({ history: null }));
