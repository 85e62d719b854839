import { Writable } from 'node:stream';

const LEVELS: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO ',
  40: 'WARN ',
  50: 'ERROR',
  60: 'FATAL',
};
/** Fields every line has, or that the line already shows. */
const SHOWN = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'context']);

/**
 * One pino JSON line as a person reads it in a terminal: `04:38:55 WARN  [Jobs] message k=v`.
 * The same redacted fields as the JSON (formatting happens after pino wrote them).
 */
export function prettyLine(line: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const time =
    typeof entry.time === 'number' ? new Date(entry.time).toISOString().slice(11, 19) : '--:--:--';
  const level = LEVELS[entry.level as number] ?? String(entry.level);
  const context = typeof entry.context === 'string' ? ` [${entry.context}]` : '';
  const rest = Object.entries(entry)
    .filter(([k]) => !SHOWN.has(k))
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ');
  return `${time} ${level}${context} ${typeof entry.msg === 'string' ? entry.msg : JSON.stringify(entry.msg ?? '')}${rest ? ` ${rest}` : ''}`;
}

/** A destination for pino that prints each line through prettyLine (times in UTC). */
export function prettyStream(out: NodeJS.WritableStream = process.stdout): Writable {
  let buffered = '';
  return new Writable({
    write(chunk: Buffer, _enc, done) {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) if (line) out.write(`${prettyLine(line)}\n`);
      done();
    },
  });
}
