/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
  },
  preview: { port: 4173, host: '127.0.0.1' },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    // Some tests are deliberately thorough (300 mutated templates through two YAML readers, every corpus
    // template through the CLI): on a busy 2-core CI machine they can pass 5 s. Speed is measured by
    // `npm run bench`, never by test timeouts.
    testTimeout: 30_000,
  },
});
