// ESLint flat config: typescript-eslint type-checked rules, zero warnings (npm run lint).
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      '.lumbung-data/**',
      'test-results/**',
      'apps/web/dist/**',
      'apps/web/src/lib/api/schema.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'error',
    },
  },
  {
    // The portal (browser code): React hooks rules, and nothing Mantine would style inline (CSP).
    files: ['apps/web/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      'no-restricted-globals': ['error', 'process', 'Buffer', '__dirname'],
      // Route guards throw the router's redirect() and notFound(), as TanStack Router expects.
      '@typescript-eslint/only-throw-error': [
        'error',
        {
          allow: [
            { from: 'package', package: '@tanstack/router-core', name: 'Redirect' },
            { from: 'package', package: '@tanstack/router-core', name: 'NotFoundError' },
          ],
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@mantine/core',
              importNames: ['Grid', 'SimpleGrid', 'AppShell'],
              message:
                'These inject <style> elements, which the portal CSP refuses: lay out with a CSS module (grid/flex) instead.',
            },
          ],
        },
      ],
    },
  },
  {
    // No HTML from data except through the one sanitiser (lib/markdown): markdown-content.tsx is
    // the only place that inserts HTML into the page.
    files: ['apps/web/src/**/*.{ts,tsx}'],
    ignores: ['apps/web/src/lib/markdown/markdown-content.tsx', 'apps/web/src/**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Show Markdown with <MarkdownContent> (lib/markdown); never insert HTML here.',
        },
        {
          selector: 'AssignmentExpression > MemberExpression[property.name=/^(inner|outer)HTML$/]',
          message: 'Show Markdown with <MarkdownContent> (lib/markdown); never insert HTML here.',
        },
        {
          selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
          message: 'Show Markdown with <MarkdownContent> (lib/markdown); never insert HTML here.',
        },
      ],
    },
  },
  {
    // Node-side parts of the portal (build plugin, Vite config) and its unit specs.
    files: ['apps/web/build/**', 'apps/web/vite.config.mts', 'apps/web/src/**/*.spec.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-globals': 'off' },
  },
  {
    // Controllers only translate: the job queue is reached through services, which enqueue in their
    // own transaction. dependency-cruiser's controllers-only-translate rule sees files; this sees
    // the names a lib index re-exports. The jobs admin API is the queue's own face (list and retry,
    // nothing enqueued), so it may use JobsService.
    files: ['apps/*/src/**/*.controller.ts', 'libs/*/src/**/*.controller.ts'],
    ignores: ['apps/api/src/jobs/jobs-admin.controller.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@lumbung/platform',
              importNames: ['JobsService', 'JobRunner', 'GroupCommit'],
              message:
                'Controllers only translate: call a service that enqueues in its transaction.',
            },
          ],
          patterns: [
            {
              group: ['**/*.repository'],
              message: 'Controllers only translate: call a service, not a repository.',
            },
          ],
        },
      ],
    },
  },
  {
    // Functions a reader can hold (issue 18 item 6): none over 60 lines in the server's source
    // (specs and the write-once migrations aside).
    files: ['libs/*/src/**/*.ts', 'apps/{api,worker,cli}/src/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts', 'libs/platform/src/database/migrations/**'],
    rules: {
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // No service over 300 lines (issue 18 item 6): split it by use-case before then.
    files: ['libs/*/src/**/*.service.ts', 'apps/{api,worker,cli}/src/**/*.service.ts'],
    rules: {
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // Tests poke at untyped JSON bodies; the unsafe-any family would only add casts.
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      globals: { ...globals.node },
      sourceType: 'commonjs',
      parserOptions: { projectService: false, project: false },
    },
    rules: {
      ...tseslint.configs.disableTypeChecked.rules,
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module' },
  },
);
