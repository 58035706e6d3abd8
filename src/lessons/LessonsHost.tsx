/**
 * Where teaching mode meets the app, kept small because a first visit loads it: the Lessons dialog and the
 * authoring dialog (each loaded on first use, `lazyDialog`), the lesson panel beside the canvas while a lesson's
 * working design is open (loaded then), and lesson links (`#lesson=…`) offered in the Lessons dialog.
 */
import { Component, Suspense, useEffect, type ReactNode } from 'react';
import { useLibraryStore } from '../library/libraryStore.ts';
import { lazyNamed, Loading } from '../panels/lazy.tsx';
import { lazyDialog } from '../panels/lazyDialog.tsx';
import { isLessonFragment } from '../share/shareLink.ts';
import { lessonOfEntry, useLessonStore } from './progress.ts';

const lessonsDialog = lazyDialog(() => import('./LessonsDialog.tsx').then((m) => m.LessonsDialog), 'lessons');
const authorDialog = lazyDialog(() => import('./AuthorDialog.tsx').then((m) => m.AuthorDialog), 'lesson authoring');
const LessonPanel = lazyNamed(() => import('./LessonPanel.tsx').then((m) => m.LessonPanel));

export const openLessons = lessonsDialog.open;
export const preloadLessons = lessonsDialog.preload;
export const openAuthoring = authorDialog.open;

/** The lessons' dialogs; opens the Lessons dialog when the address carries a lesson link. */
export function LessonsHost() {
  useEffect(() => {
    const offer = () => {
      if (isLessonFragment(location.hash)) openLessons();
    };
    offer();
    window.addEventListener('hashchange', offer);
    return () => window.removeEventListener('hashchange', offer);
  }, []);
  return (
    <>
      <lessonsDialog.Host />
      <authorDialog.Host />
    </>
  );
}

/** The lesson panel, while the open design is a lesson's working design. */
export function LessonDock() {
  const entryId = useLibraryStore((s) => s.currentId);
  const lessonId = useLessonStore((s) => lessonOfEntry(s, entryId));
  if (!lessonId) return null;
  return (
    <PanelGuard key={lessonId}>
      <Suspense
        fallback={
          <aside aria-label="Lesson" className="w-72 shrink-0 border-l border-gray-200 bg-white">
            <Loading what="the lesson" />
          </aside>
        }
      >
        <LessonPanel key={lessonId} lessonId={lessonId} />
      </Suspense>
    </PanelGuard>
  );
}

/** A fault in the lesson panel (a lesson file the grader trips on, say) shows one line there; the editor stays. */
class PanelGuard extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown) {
    console.error('The lesson panel failed:', error);
  }
  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <aside aria-label="Lesson" className="w-72 shrink-0 border-l border-gray-200 bg-white px-3 py-2 text-sm">
        <p role="alert" className="text-red-800">
          This lesson could not be shown. Your design is unaffected; reopen the lesson from Lessons.
        </p>
      </aside>
    );
  }
}
