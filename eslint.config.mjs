// Lint for the whole workspace (`npm run lint`, part of `npm test`). Besides typescript-eslint's
// recommended rules it holds the layout: which project may import which (docs/architecture.md).
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import boundaries from './tools/eslint/boundaries.mjs';

const LIBS = [
  '@factdesk/claim-detection',
  '@factdesk/claim-matching',
  '@factdesk/config',
  '@factdesk/domain',
  '@factdesk/extraction',
  '@factdesk/net',
  '@factdesk/persistence',
  '@factdesk/publishing',
  '@factdesk/queue',
  '@factdesk/migrations',
];
const SERVER_PACKAGES = ['@nestjs/*', 'typeorm', 'pg', 'ioredis', 'bullmq', 'fastify', '@fastify/*'];

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**', 'e2e/artifacts/**', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // Tests and the few typed escapes (TypeORM raw rows) say why in place; the compiler still checks the rest.
      '@typescript-eslint/no-explicit-any': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  // Module boundaries: who may import what.
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },

  {
    plugins: { boundaries },
    rules: {
      'boundaries/projects': [
        'error',
        {
          // Who may import which workspace project; a project not listed may import any library.
          allow: {
            '@factdesk/domain': [],
            '@factdesk/web': ['@factdesk/domain'],
            '@factdesk/api': [...LIBS, '@factdesk/testing'],
            '@factdesk/worker': [...LIBS, '@factdesk/testing'],
            '@factdesk/e2e': [...LIBS, '@factdesk/testing'],
          },
          why: {
            '@factdesk/domain': 'libs/domain is pure TypeScript and imports nothing',
            '@factdesk/web': 'the web app reads server knowledge through libs/domain only',
            '@factdesk/api': 'the API and the worker are separate processes; share code through libs/',
            '@factdesk/worker': 'the API and the worker are separate processes; share code through libs/',
          },
          testOnly: ['@factdesk/testing'],
        },
      ],
    },
  },
  // libs/queue is the only place that makes queues, workers and Redis clients (apps use JobQueue, JobRunner
  // and createRedisClient); type-only imports are fine anywhere.
  {
    plugins: { boundaries },
    rules: {
      'boundaries/packages': [
        'error',
        {
          owners: Object.fromEntries(
            ['bullmq', 'ioredis', '@nestjs/bullmq'].map((pkg) => [
              pkg,
              {
                owners: ['@factdesk/queue'],
                tests: ['@factdesk/queue'],
                why: 'queues, workers and Redis clients come from libs/queue (JobQueue, JobRunner, createRedisClient)',
              },
            ]),
          ),
        },
      ],
    },
  },
  // libs/domain imports no package at all, not even Node's.
  {
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(?!\\.{1,2}/)', message: 'libs/domain is pure TypeScript: it imports nothing outside itself.' },
          ],
        },
      ],
    },
  },
  // Server packages never reach the browser bundle.
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [...SERVER_PACKAGES, 'node:*'], message: 'Server packages do not belong in the browser bundle.' },
          ],
        },
      ],
    },
  },
  // The API's layout (docs/architecture.md, "Where things live"): controllers leave the database to their
  // area's service, and a module is declared in its own *.module.ts.
  {
    files: ['apps/api/src/**/*.controller.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['typeorm', '@nestjs/typeorm', '@factdesk/persistence'].map((name) => ({
            name,
            message: "Controllers stay thin: reads and writes belong in the area's service.",
          })),
        },
      ],
    },
  },
  {
    files: ['apps/api/src/**/*.ts'],
    ignores: ['apps/api/src/**/*.module.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "Decorator > CallExpression[callee.name='Module']",
          message: 'Declare a module in its own *.module.ts (one per API area).',
        },
      ],
    },
  },
);
