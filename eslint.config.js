import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

/** The engine's own files: pure TypeScript that the browser, the CLI and exporters all run. Its tests run in Node. */
const ENGINE = ['src/engine/**/*.ts', 'src/engine/**/*.tsx'];
const ENGINE_TESTS = ['src/engine/**/*.test.ts', 'src/engine/**/*.test.tsx'];

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'node_modules', 'playwright-report', 'test-results', '.ci'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // The app and its scripts run in the browser and in Node; the engine gets no host globals (below).
    ignores: ENGINE,
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ENGINE_TESTS,
    languageOptions: { globals: { ...globals.node } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // The engine is pure: the browser, the CLI and the tests all call it (STYLE.md, "The shape").
    files: ENGINE,
    ignores: ENGINE_TESTS,
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      // typescript-eslint turns no-undef off for TypeScript; here it is what makes a browser or Node global an error.
      'no-undef': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', ...builtinModules, ...builtinModules.map((m) => `${m}/*`)],
              message: 'src/engine/ is pure TypeScript: no Node built-ins.',
            },
            {
              group: ['react', 'react/*', 'react-dom', 'react-dom/*'],
              message: 'src/engine/ is pure TypeScript: no React.',
            },
            { group: ['zustand', 'zustand/*', 'zundo'], message: 'src/engine/ is pure TypeScript: no zustand.' },
            { group: ['@xyflow/*'], message: 'src/engine/ is pure TypeScript: no React Flow.' },
            {
              group: ['**/store/**', '**/canvas/**', '**/panels/**', '**/cli/**'],
              message: 'src/engine/ must not depend on the app or the CLI.',
            },
          ],
        },
      ],
      // Also refused when declared by hand (`declare const window: …`): the engine must not reach for its host.
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'localStorage',
        'sessionStorage',
        'indexedDB',
        'navigator',
        'location',
        'fetch',
        'process',
        'Buffer',
        'require',
        'global',
        '__dirname',
        '__filename',
      ],
    },
  },
);
