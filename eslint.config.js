import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Layers import one way only (docs/architecture.md). Each entry lists what a folder must not reach.
const layerRules = [
  [
    'src/engine/**',
    [
      '**/worker/**',
      '**/state/**',
      '**/viz/**',
      '**/ui/**',
      '**/lessons/**',
      '**/cli/**',
      'react',
      'react-dom',
      'zustand',
      'comlink',
      'd3-*',
    ],
  ],
  [
    'src/worker/**',
    [
      '**/state/**',
      '**/viz/**',
      '**/ui/**',
      '**/lessons/**',
      '**/cli/**',
      'react',
      'react-dom',
      'zustand',
    ],
  ],
  ['src/state/**', ['**/viz/**', '**/ui/**', '**/cli/**', 'react-dom']],
  ['src/viz/**', ['**/ui/**', '**/cli/**', '**/worker/*.worker']],
  [
    'src/lessons/**',
    ['**/worker/**', '**/state/**', '**/viz/**', '**/ui/**', '**/cli/**', 'react', 'react-dom'],
  ],
  ['src/cli/**', ['**/worker/**', '**/state/**', '**/viz/**', '**/ui/**', 'react', 'react-dom']],
].map(([files, group]) => ({
  files: [files],
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: [{ group, message: 'This import points up the layers.' }] },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'public'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    files: ['src/engine/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'self',
        'setTimeout',
        'setInterval',
        'requestAnimationFrame',
        'performance',
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded streams in engine/random.' },
        { object: 'Date', property: 'now', message: 'The engine runs in virtual time.' },
      ],
    },
  },
  ...layerRules,
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
);
