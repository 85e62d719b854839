import { extractPdfText, PdfTextError } from './pdf-text';
import { fixtureDir, minimalPdf } from './testing/fixtures';

describe('extractPdfText', () => {
  const files = fixtureDir();
  afterAll(() => files.cleanup());

  it('returns the page text, each page ending in a newline', async () => {
    const path = files.write('page.pdf', minimalPdf('Pengetahuan tacit ASN'));
    const signal = new AbortController().signal;
    await expect(extractPdfText(path, { maxChars: 100, signal })).resolves.toBe(
      'Pengetahuan tacit ASN\n',
    );
  });

  it('does not start a worker for an already aborted signal', async () => {
    const controller = new AbortController();
    controller.abort();
    const path = files.write('never.pdf', minimalPdf('x'));
    await expect(
      extractPdfText(path, { maxChars: 100, signal: controller.signal }),
    ).rejects.toEqual(new PdfTextError('aborted', 'aborted before start'));
  });

  it('terminates the worker when aborted mid-way', async () => {
    const controller = new AbortController();
    const path = files.write('aborted.pdf', minimalPdf('x'));
    const pending = extractPdfText(path, { maxChars: 100, signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'aborted' });
  });

  it.each([
    ['not a PDF at all', 'plain text', 'corrupt'],
    ['a password-protected PDF', minimalPdf('Rahasia', { encrypted: true }), 'encrypted'],
  ])('classifies %s', async (_label, data, code) => {
    const path = files.write('bad.pdf', data);
    const signal = new AbortController().signal;
    await expect(extractPdfText(path, { maxChars: 100, signal })).rejects.toMatchObject({ code });
  });
});
