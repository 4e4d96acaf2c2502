import { Injectable, type LoggerService } from '@nestjs/common';
import { currentContext } from '../context/request-context';
import type { LogLevel } from '../config/service-config';

const SEVERITY: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type LogSink = (line: string) => void;

const stdout: LogSink = (line) => {
  process.stdout.write(`${line}\n`);
};

/**
 * Nest logger writing one JSON object per line, stamped with the service and the correlation and
 * tenant of the current request context, so one order's path can be followed across every
 * service's logs by its correlation id.
 */
@Injectable()
export class JsonLogger implements LoggerService {
  constructor(
    readonly service: string,
    readonly level: LogLevel = 'info',
    private readonly sink: LogSink = stdout,
  ) {}

  log(message: unknown, ...optionalParams: unknown[]): void {
    this.write('info', message, optionalParams);
  }

  error(message: unknown, ...optionalParams: unknown[]): void {
    this.write('error', message, optionalParams, true);
  }

  warn(message: unknown, ...optionalParams: unknown[]): void {
    this.write('warn', message, optionalParams);
  }

  debug(message: unknown, ...optionalParams: unknown[]): void {
    this.write('debug', message, optionalParams);
  }

  verbose(message: unknown, ...optionalParams: unknown[]): void {
    this.write('debug', message, optionalParams);
  }

  fatal(message: unknown, ...optionalParams: unknown[]): void {
    this.write('error', message, optionalParams, true);
  }

  /** Whether an entry at `level` would be written. */
  isEnabled(level: LogLevel): boolean {
    return SEVERITY[level] >= SEVERITY[this.level];
  }

  private write(level: LogLevel, message: unknown, params: unknown[], withStack = false): void {
    if (!this.isEnabled(level)) return;
    const rest = [...params];
    const context = rest.length > 0 && typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const ctx = currentContext();
    const entry: Record<string, unknown> = {
      time: new Date().toISOString(),
      level,
      service: this.service,
      context,
      msg: messageText(message),
      correlationId: ctx?.correlationId,
      tenantId: ctx?.tenantId,
    };
    if (message instanceof Error) entry.err = errorFields(message);
    else if (message !== null && typeof message === 'object') entry.data = message;
    const extra: unknown[] = [];
    for (const param of rest) {
      if (param instanceof Error) entry.err = errorFields(param);
      else if (withStack && typeof param === 'string' && entry.stack === undefined) entry.stack = param;
      else if (param !== undefined) extra.push(param);
    }
    if (extra.length > 0) entry.extra = extra;
    this.sink(safeStringify(entry));
  }
}

function messageText(message: unknown): string {
  if (typeof message === 'string') return message;
  if (message instanceof Error) return message.message;
  return safeStringify(message);
}

function errorFields(error: Error): Record<string, unknown> {
  return { name: error.name, message: error.message, stack: error.stack };
}

function safeStringify(value: unknown): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'bigint') return v.toString();
    if (v !== null && typeof v === 'object') {
      if (seen.has(v)) return '[Circular]';
      seen.add(v);
    }
    return v;
  });
}
