// Shared Jest settings: ESM (the NestJS 12 packages are ESM-only) transformed by swc, with
// decorator metadata so Nest's dependency injection works, and @factdesk/* mapped to sources.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));

export function preset(projectDir, overrides = {}) {
  return {
    displayName: projectDir.replace(`${root}/`, ''),
    rootDir: projectDir,
    testEnvironment: 'node',
    testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
    extensionsToTreatAsEsm: ['.ts', '.tsx'],
    transform: {
      '^.+\\.tsx?$': [
        '@swc/jest',
        {
          jsc: {
            parser: { syntax: 'typescript', decorators: true, tsx: true },
            transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
            target: 'es2022',
          },
          module: { type: 'es6' },
        },
      ],
    },
    moduleNameMapper: {
      '^@factdesk/migrations$': join(root, 'migrations/src/index.ts'),
      '^@factdesk/(domain|config|persistence|queue|claim-detection)$': join(root, 'libs/$1/src/index.ts'),
      '^(\\.{1,2}/.*)\\.js$': '$1',
    },
    ...overrides,
  };
}
