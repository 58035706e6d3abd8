import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './index.css';
import { App } from './App.tsx';
import { bootLibrary } from './library/boot.ts';
import { earlyPictureId, earlyReadOver, removeEarlyPicture } from './library/earlyRead.ts';
import { useLibraryStore } from './library/libraryStore.ts';
import { watchThumbnails } from './library/thumbnails.ts';
import { firstCanvasFrame } from './panels/lazy.tsx';

// Marks for `npm run bench` (and the browser's performance panel): scripts loaded, the saved design read.
// The first render waits for the library, so it shows the user's design, not the example first. (A promise, not a
// top-level await: an awaiting entry makes the bundler split the modules it shares with lazy parts into chunks.)
performance.mark('app:start');
// The design's picture painted early by index.html (earlyRead.ts) stays until the canvas has drawn it — and goes at
// once when the design that opens is another (or a shared one).
const earlyOver = earlyReadOver();
void firstCanvasFrame.then(() => {
  removeEarlyPicture();
  watchThumbnails();
});
void bootLibrary().then(() => {
  void earlyOver.then(() => {
    const { currentId, mode } = useLibraryStore.getState();
    if (mode === 'shared' || earlyPictureId() !== currentId) removeEarlyPicture();
  });
  performance.mark('app:design-loaded');
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
