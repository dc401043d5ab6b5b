// libs/queue is the only place that makes queues, workers and Redis clients: the lint run (part of `npm test`)
// refuses bullmq, ioredis and @nestjs/bullmq anywhere else. Linted here as `npm run lint` would.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const CODE = `import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { BullModule } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
export const made: unknown[] = [Queue, Redis, BullModule];
export type J = Job;
`;

const eslint = new ESLint({ cwd: ROOT });
const ownership = async (file: string) =>
  (await eslint.lintText(CODE, { filePath: join(ROOT, file) }))[0].messages
    .filter((m) => m.ruleId === 'boundaries/packages')
    .map((m) => m.line);

describe('who may import bullmq, ioredis and @nestjs/bullmq', () => {
  it.each([
    'apps/api/src/documents/x.ts',
    'apps/worker/src/x.ts',
    'apps/worker/test/x.spec.ts',
    'e2e/support/x.ts',
    'scripts/x.mjs',
    'libs/testing/src/x.ts',
  ])(
    '%s may not (type-only imports aside)',
    async (file) => {
      expect(await ownership(file)).toEqual([1, 2, 3]);
    },
    30_000,
  );

  it.each(['libs/queue/src/x.ts', 'libs/queue/test/x.spec.ts'])(
    '%s may',
    async (file) => {
      expect(await ownership(file)).toEqual([]);
    },
    30_000,
  );
});
