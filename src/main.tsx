import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './index.css';
import { App } from './App.tsx';
import { bootLibrary } from './library/boot.ts';

// Marks for `npm run bench` (and the browser's performance panel): scripts loaded, the saved design read.
performance.mark('app:start');
await bootLibrary();
performance.mark('app:design-loaded');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
