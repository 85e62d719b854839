import { Writable } from 'node:stream';
import pino from 'pino';
import { REDACTED_PATHS } from './logging.module';
import { prettyLine, prettyStream } from './pretty-stream';

describe('pretty log lines for a person at a terminal', () => {
  it('shows time, level, context, message and the other fields on one line', () => {
    const line = JSON.stringify({
      level: 40,
      time: Date.UTC(2026, 11, 4, 4, 38, 55),
      pid: 1,
      hostname: 'vm',
      context: 'Jobs',
      msg: 'job failed',
      queue: 'search.asset',
      attempt: 2,
    });
    expect(prettyLine(line)).toBe('04:38:55 WARN  [Jobs] job failed queue=search.asset attempt=2');
    expect(prettyLine('not json')).toBe('not json');
  });

  it('keeps redaction: secrets never reach the pretty output either', () => {
    let out = '';
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        out += chunk.toString();
        done();
      },
    });
    const log = pino(
      { redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
      prettyStream(sink as unknown as NodeJS.WritableStream),
    );
    log.warn({ body: { password: 'Rahasia#1' } }, 'first');
    log.error('second');
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d WARN {2}first body=\{"password":"\[redacted\]"\}$/);
    expect(lines[1]).toMatch(/ERROR second$/);
    expect(out).not.toContain('Rahasia');
  });
});
