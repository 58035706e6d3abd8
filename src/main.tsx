import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './index.css';
import { App } from './App.tsx';
import { loadAutosaved, startAutosave } from './store/autosave.ts';
import { useDesignStore } from './store/designStore.ts';

const saved = loadAutosaved();
if (saved) useDesignStore.getState().load(saved);
startAutosave();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
