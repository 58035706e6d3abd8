import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './index.css';
import { App } from './App.tsx';
import { loadAutosaved, startAutosave } from './store/autosave.ts';
import { useDesignStore } from './store/designStore.ts';

// Marks for `npm run bench` (and the browser's performance panel): scripts loaded, the saved design read.
performance.mark('app:start');
const saved = loadAutosaved();
if (saved) useDesignStore.getState().load(saved);
startAutosave();
performance.mark('app:design-loaded');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
