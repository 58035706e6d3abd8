import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './index.css';
import { App } from './App.tsx';
import { bootLibrary } from './library/boot.ts';

// Marks for `npm run bench` (and the browser's performance panel): scripts loaded, the saved design read.
// The first render waits for the library, so it shows the user's design, not the example first. (A promise, not a
// top-level await: an awaiting entry makes the bundler split the modules it shares with lazy parts into chunks.)
performance.mark('app:start');
void bootLibrary().then(() => {
  performance.mark('app:design-loaded');
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
