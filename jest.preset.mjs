// Shared Jest settings: ESM (the NestJS 12 packages are ESM-only) transformed by swc, with
// decorator metadata so Nest's dependency injection works, and @factdesk/* mapped to sources.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const ESM_ONLY_DEPENDENCIES = ['content-disposition', 'cookie', '@apidevtools/json-schema-ref-parser'];

export function preset(projectDir, overrides = {}) {
  return {
    displayName: projectDir.replace(`${root}/`, ''),
    rootDir: projectDir,
    testEnvironment: 'node',
    testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
    extensionsToTreatAsEsm: ['.ts', '.tsx'],
    // CommonJS packages (@fastify/static, @fastify/cookie, swagger-parser) require() these ESM-only ones; Node 20 can,
    // Jest's module loader cannot, so swc turns just these into CommonJS.
    transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY_DEPENDENCIES.join('|')})/)`],
    transform: {
      [`/node_modules/(${ESM_ONLY_DEPENDENCIES.join('|')})/.+\\.js$`]: ['@swc/jest', { module: { type: 'commonjs' } }],
      '^.+\\.tsx?$': [
        '@swc/jest',
        {
          jsc: {
            parser: { syntax: 'typescript', decorators: true, tsx: true },
            transform: {
              legacyDecorator: true,
              decoratorMetadata: true,
              useDefineForClassFields: false,
              react: { runtime: 'automatic' },
            },
            target: 'es2022',
          },
          module: { type: 'es6' },
        },
      ],
    },
    moduleNameMapper: {
      '^@factdesk/migrations$': join(root, 'migrations/src/index.ts'),
      '^@factdesk/([a-z-]+)$': join(root, 'libs/$1/src/index.ts'),
      '^(\\.{1,2}/.*)\\.js$': '$1',
    },
    ...overrides,
  };
}
