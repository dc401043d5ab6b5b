// The OpenAPI document as an integrator uses it: every route's answers typed from libs/domain, the schemas
// current with the code, a generated TypeScript client that type-checks, and the response check (which runs
// in every API test) refusing what a schema does not describe.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { generateApi } from 'swagger-typescript-api';
import ts from 'typescript';
import { OUTPUT, renderDomainSchemas } from '../../../tools/openapi/domain-schemas.mjs';
import { Returns } from '../src/common/responses.js';
import { listRoutes } from '../src/common/routes.js';
import { checkResponses } from '../src/openapi/response-check.js';
import { startHarness, type Harness } from './harness.js';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
type Operation = { responses: Record<string, { content?: Record<string, { schema?: object }> }> };

let h: Harness;
let doc: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, object> } };
beforeAll(async () => {
  h = await startHarness();
  doc = (await h.request({ url: '/api/docs-json' })).json();
});
afterAll(() => h?.close());

describe('the OpenAPI document', () => {
  it('declares what every route answers, from @Returns', () => {
    expect(
      listRoutes(h.app)
        .filter((r) => !r.contract)
        .map((r) => `${r.method} ${r.path}`),
    ).toEqual([]);
  });

  it('types every operation: a success response with a schema or a media type, and ApiError for errors', () => {
    const untyped: string[] = [];
    for (const [path, item] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(item).filter(([m]) => METHODS.includes(m))) {
        const success = Object.entries(op.responses).filter(([status]) => /^2\d\d$/.test(status));
        const typed = success.every(
          ([status, r]) => status === '204' || Object.values(r.content ?? {}).some((c) => c.schema),
        );
        const errors = op.responses.default?.content?.['application/json']?.schema;
        if (!success.length || !typed || JSON.stringify(errors) !== '{"$ref":"#/components/schemas/ApiError"}')
          untyped.push(`${method.toUpperCase()} ${path}`);
      }
    expect(untyped).toEqual([]);
    expect(Object.keys(doc.paths).length).toBeGreaterThan(50);
  });

  it('refers only to schemas it defines', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.filter((name) => !doc.components.schemas[name])).toEqual([]);
  });

  it('is generated from the current libs/domain types (node tools/openapi/domain-schemas.mjs)', async () => {
    expect(readFileSync(OUTPUT, 'utf8')).toBe(await renderDomainSchemas());
  }, 60_000);
});

describe('a generated TypeScript client', () => {
  it('type-checks, and its responses carry the domain types', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'factdesk-client-'));
    const { files } = await generateApi({
      spec: structuredClone(doc),
      output: false,
      httpClientType: 'fetch',
      silent: true,
    });
    const client = files.find((f) => f.fileName === 'Api') ?? files[0];
    writeFileSync(join(dir, 'api.ts'), client.fileContent);
    // An integrator's code: a typo in a field of a typed answer must not compile.
    writeFileSync(
      join(dir, 'use.ts'),
      `import type { ClaimDetailDto, HealthDto, MeDto } from './api';
export const fieldsOf = (claim: ClaimDetailDto, health: HealthDto, me: MeDto) =>
  [claim.text, claim.state, health.status, me.user.email] as const;
// @ts-expect-error -- not a field of HealthDto
export const wrong = (health: HealthDto) => health.notAField;
`,
    );
    const program = ts.createProgram([join(dir, 'api.ts'), join(dir, 'use.ts')], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      skipLibCheck: true,
    });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
    expect(client.fileContent).toMatch(/export interface ClaimDetailDto \{/);
  }, 60_000);
});

describe('the response check', () => {
  @Controller('probe')
  class ProbeController {
    @Get('declared')
    @Returns.one('HealthDto')
    declared() {
      return { status: 'ok', postgres: { ok: true }, redis: { ok: true }, workers: 1, version: '1' } as const;
    }

    @Get('extra')
    @Returns.one('HealthDto')
    extra() {
      // A field the type does not declare (a leaked column, say): the check names it.
      return {
        status: 'ok',
        postgres: { ok: true },
        redis: { ok: true },
        workers: 1,
        version: '1',
        secret: 'x',
      } as const;
    }
  }
  @Module({ controllers: [ProbeController] })
  class ProbeModule {}

  let app: NestFastifyApplication;
  beforeAll(async () => {
    app = await NestFactory.create<NestFastifyApplication>(ProbeModule, new FastifyAdapter(), { logger: false });
    app.setGlobalPrefix('api');
    checkResponses(app, app.getHttpAdapter().getInstance() as never);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(() => app?.close());

  it('passes an answer its schema describes', async () => {
    const res = await app.inject({ url: '/api/probe/declared' });
    expect(res.statusCode).toBe(200);
  });

  it('turns an undescribed field into a 500 that names it', async () => {
    const res = await app.inject({ url: '/api/probe/extra' });
    expect(res.statusCode).toBe(500);
    expect(res.json().message).toMatch(/GET \/api\/probe\/extra answered 200 .*additional properties/);
  });
});
