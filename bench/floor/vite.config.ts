/**
 * Builds the floor page (see main.tsx) with the app's React plugin: `vite build --config bench/floor/vite.config.ts
 * --outDir dist-bench/floor` (scripts/lib/preview.mjs does this after building the app), served at /floor/.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/floor/',
  plugins: [react()],
  build: { target: 'es2022' },
  logLevel: 'warn',
});
