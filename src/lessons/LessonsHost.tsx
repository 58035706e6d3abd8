/**
 * Where teaching mode meets the app, kept small because a first visit loads it: the Lessons dialog and the
 * authoring dialog (each loaded on first use, `lazyDialog`), the lesson panel beside the canvas while a lesson's
 * working design is open (loaded then), and lesson links (`#lesson=…`) offered in the Lessons dialog.
 */
import { Suspense, useEffect } from 'react';
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
    <Suspense
      fallback={
        <aside aria-label="Lesson" className="w-72 shrink-0 border-l border-gray-200 bg-white">
          <Loading what="the lesson" />
        </aside>
      }
    >
      <LessonPanel key={lessonId} lessonId={lessonId} />
    </Suspense>
  );
}
