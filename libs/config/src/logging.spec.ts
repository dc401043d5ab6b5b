import { execFileSync } from 'node:child_process';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { PinoNestLogger } from './logging.js';

/** A pino logger writing JSON lines into an array. */
function capture(level: string) {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, logger: pino({ level }, stream) };
}

describe('PinoNestLogger', () => {
  it("puts Nest's start-up lines (modules, routes) at debug, keeps the application's at info", () => {
    const { lines, logger } = capture('info');
    const nest = new PinoNestLogger(logger);
    nest.log('Mapped {/api/claims, GET} route', 'RouterExplorer');
    nest.log('AppModule dependencies initialized', 'InstanceLoader');
    nest.log('ClaimsController {/api/claims}:', 'RoutesResolver');
    nest.log('sweep re-enqueued documents', 'IngestionWorkers');
    expect(lines.map((l) => l.msg)).toEqual(['sweep re-enqueued documents']);
  });

  it('shows the start-up lines at LOG_LEVEL=debug', () => {
    const { lines, logger } = capture('debug');
    new PinoNestLogger(logger).log('Mapped {/api/claims, GET} route', 'RouterExplorer');
    expect(lines).toEqual([expect.objectContaining({ level: 20, context: 'RouterExplorer' })]);
  });

  it('keeps warnings and errors from any context', () => {
    const { lines, logger } = capture('info');
    const nest = new PinoNestLogger(logger);
    nest.warn('slow start', 'NestFactory');
    nest.error('boom', 'at x', 'RouterExplorer');
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      [40, 'slow start'],
      [50, 'boom'],
    ]);
  });
});

describe('createLogger', () => {
  // The built library, in a process of its own, as the API and the worker use it.
  const run = (format: string) =>
    execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { createLogger } from '@factdesk/config';
         const log = createLogger('factdesk-worker', 'info', '${format}');
         log.info({ documentId: 'd1' }, 'document done'); log.debug('hidden');`,
      ],
      { encoding: 'utf8' },
    );

  it('pretty: one readable line with time, level, process and message', () => {
    const out = run('pretty').trimEnd().split('\n');
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: worker: document done \{"documentId":"d1"\}$/);
  });

  it('json: one JSON object per line, with the process named', () => {
    const [line, ...rest] = run('json').trimEnd().split('\n');
    expect(rest).toEqual([]);
    expect(JSON.parse(line)).toMatchObject({ process: 'factdesk-worker', msg: 'document done', documentId: 'd1' });
  });
});
