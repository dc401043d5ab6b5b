import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';

/** `json` for log shippers (production, Docker, anything not a terminal); `pretty` for a person watching. */
export type LogFormat = 'json' | 'pretty';

/** One logger per process, named after it: JSON lines on stdout, or one readable line per entry. */
export function createLogger(processName: string, level: string, format: LogFormat = 'json'): Logger {
  const options = {
    name: processName,
    level,
    base: { process: processName },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
      censor: '[redacted]',
    },
  };
  if (format === 'json') return pino(options);
  // Synchronous, so the last lines before a crash or exit are never lost.
  const stream = pretty({
    sync: true,
    colorize: Boolean(process.stdout.isTTY),
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,name,process',
    messageFormat: `${processName.replace(/^factdesk-/, '')}: {msg}`,
  });
  return pino(options, stream);
}

// Nest's start-up chatter (a line per module and per route) is for debugging, not for the person who
// started the system.
const START_UP_CONTEXTS = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestApplication',
]);

/** Nest's LoggerService over pino, so framework and application logs share one stream. */
export class PinoNestLogger {
  constructor(private readonly logger: Logger) {}

  private write(level: 'info' | 'warn' | 'error' | 'debug' | 'trace' | 'fatal', message: unknown, params: unknown[]) {
    const context = typeof params[params.length - 1] === 'string' ? (params.pop() as string) : undefined;
    if (level === 'info' && context && START_UP_CONTEXTS.has(context)) level = 'debug';
    const fields: Record<string, unknown> = context ? { context } : {};
    if (level === 'error' && typeof params[0] === 'string') fields.stack = params[0];
    if (message instanceof Error) this.logger[level]({ ...fields, err: message }, message.message);
    else if (typeof message === 'object' && message !== null) this.logger[level]({ ...fields, ...message });
    else this.logger[level](fields, String(message));
  }

  log(message: unknown, ...params: unknown[]) {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]) {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]) {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]) {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]) {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]) {
    this.write('fatal', message, params);
  }
}
