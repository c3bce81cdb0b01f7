// Type-aware lint (typescript-eslint's recommended-type-checked rules) for
// src and test. Tests parse CLI output with JSON.parse, so the no-unsafe-*
// rules about `any` apply to src only. See docs/ARCHITECTURE.md, "Tooling".
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'examples/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          // Only TypeScript outside the projects needs one: .js, .cjs and .mjs files are linted without types (below).
          allowDefaultProject: ['*.ts'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Terminal escapes (ESC, CSI) are matched on purpose.
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    files: ['test/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Assertion messages interpolate whatever a failing value is.
      '@typescript-eslint/restrict-template-expressions': 'off',
    },
  },
  {
    // Published coefficient tables (Dormand–Prince) are kept with the digits they were published with.
    files: ['src/flows/integrate.ts'],
    rules: { 'no-loss-of-precision': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    // Keep disableTypeChecked's parser options (no project service for these files) beside the globals.
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { module: 'writable', require: 'readonly', process: 'readonly' },
    },
  },
);
