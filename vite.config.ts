import { defineConfig } from 'vite';
import { configDefaults } from 'vitest/config';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { deferAppEntry, earlyReadScript } from './src/library/earlyRead.ts';

export default defineConfig({
  plugins: [
    react(),
    tailwindcss(),
    {
      // The saved design is read while the app's script loads (src/library/earlyRead.ts). At the head's end: the
      // stylesheet and the app's script are requested first, and neither holds it (see `deferAppEntry`).
      name: 'vpc-designer:early-read',
      transformIndexHtml: () => [{ tag: 'script', children: earlyReadScript(), injectTo: 'head' }],
    },
    {
      // In the build, the early read starts the app's script, after painting the design's picture (earlyRead.ts).
      name: 'vpc-designer:defer-app-entry',
      apply: 'build',
      transformIndexHtml: { order: 'post', handler: (html) => deferAppEntry(html) },
    },
  ],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // Everything the first screen needs in one chunk: left to itself the bundler splits the modules the entry
        // shares with lazy parts into ~17 small chunks, and a browser fetches at most 6 at a time from one host
        // over HTTP/1.1, so the first frame waited on three waves of requests (issue 7 item 10, docs/BENCHMARKS.md).
        codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] },
      },
    },
  },
  preview: { port: 4173, host: '127.0.0.1' },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    // Public templates not committed (fixtures/realworld/SOURCE.md): `npm run test:realworld` runs them, and fails
    // without them; `npm test` never reports a suite skipped for want of its input.
    exclude: [...configDefaults.exclude, ...(process.env.VPC_REALWORLD ? [] : ['**/realworld.test.ts'])],
    environment: 'node',
    // Some tests are deliberately thorough (300 mutated templates through two YAML readers, every corpus
    // template through the CLI): on a busy 2-core CI machine they can pass 5 s. Speed is measured by
    // `npm run bench`, never by test timeouts.
    testTimeout: 30_000,
  },
});
