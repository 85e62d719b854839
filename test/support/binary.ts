import type { Response } from 'superagent';

/** Collects a response body as bytes (CSV and XLSX downloads): `.buffer(true).parse(binary)`. */
export const binary = (res: Response, cb: (err: Error | null, body: unknown) => void): void => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
};
