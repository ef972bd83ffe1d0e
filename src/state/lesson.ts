/**
 * Which lesson is open and on which step, and whether the page is presenting. The lessons
 * themselves live in src/lessons; this store holds only their ids, so a link can name them.
 */
import { create } from 'zustand';

export interface LessonState {
  lessonId: string | null;
  /** Zero-based step within the open lesson. */
  step: number;
  presenting: boolean;
}

export const useLesson = create<LessonState>(() => ({
  lessonId: null,
  step: 0,
  presenting: false,
}));
