import type { DestinationStream } from 'pino';

// Fields the line's head already shows, or that say nothing while developing on one machine.
const SHOWN_IN_HEAD = new Set(['time', 'level', 'service', 'component', 'msg', 'pid', 'hostname', 'err']);

const LEVEL_LABELS: Record<string, string> = {
  trace: 'TRACE',
  debug: 'DEBUG',
  info: 'INFO ',
  warn: 'WARN ',
  error: 'ERROR',
  fatal: 'FATAL',
};

/**
 * One JSON log line as a person reads it while developing:
 * `12:04:05.123 INFO  incidents/outbox-relay: message requestId=… traceId=…`, then an error's stack.
 */
export function prettyLine(json: string): string {
  let line: Record<string, unknown>;
  try {
    line = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.endsWith('\n') ? json : `${json}\n`;
  }
  const time = typeof line.time === 'string' ? line.time.slice(11, 23) : '';
  const level = LEVEL_LABELS[String(line.level)] ?? String(line.level).toUpperCase();
  const source = [line.service, line.component].filter((part) => part !== undefined).join('/');
  const fields = Object.entries(line)
    .filter(([key]) => !SHOWN_IN_HEAD.has(key))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  const head = [time, level, `${source}:`, line.msg ?? '', ...fields].filter((part) => part !== '').join(' ');
  const err = line.err as { stack?: string; message?: string } | undefined;
  const detail = err ? `\n    ${(err.stack ?? err.message ?? JSON.stringify(err)).split('\n').join('\n    ')}` : '';
  return `${head}${detail}\n`;
}

/** A pino destination printing readable lines to `write` (stdout by default); for development only. */
export function prettyDestination(write: (text: string) => void = (text) => void process.stdout.write(text)): DestinationStream {
  return { write: (json: string) => write(prettyLine(json)) };
}
