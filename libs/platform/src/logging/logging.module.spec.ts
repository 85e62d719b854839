import { Writable } from 'node:stream';
import pino from 'pino';
import { REDACTED_PATHS } from './logging.module';

function capture(): { stream: Writable; lines: () => string } {
  let out = '';
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      out += chunk.toString();
      done();
    },
  });
  return { stream, lines: () => out };
}

describe('log redaction', () => {
  it('never writes tokens, cookies or passwords', () => {
    const { stream, lines } = capture();
    const log = pino({ redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, stream);
    log.info(
      {
        req: { headers: { authorization: 'Bearer eyJsecret', cookie: 'lumbung_refresh=abc.def' } },
        res: { headers: { 'set-cookie': 'lumbung_refresh=ghi.jkl' } },
        body: {
          password: 'Rahasia#1',
          newPassword: 'Baru#2',
          accessToken: 'tok',
          refreshToken: 'rt',
        },
      },
      'request',
    );
    const text = lines();
    for (const secret of [
      'eyJsecret',
      'abc.def',
      'ghi.jkl',
      'Rahasia#1',
      'Baru#2',
      '"tok"',
      '"rt"',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text.match(/\[redacted\]/g)).toHaveLength(7);
  });
});
