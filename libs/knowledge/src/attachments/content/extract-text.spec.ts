import { DEFAULT_EXTRACT_LIMITS, extractText, type ExtractLimits } from './extract-text';
import {
  docx,
  documentXml,
  fixtureDir,
  minimalPdf,
  pptx,
  slideXml,
  xlsx,
} from './testing/fixtures';
import { buildZip, zeroBombDeflate } from './testing/zip-writer';

const MiB = 1024 * 1024;
const limits = (overrides: Partial<ExtractLimits>) => ({ ...DEFAULT_EXTRACT_LIMITS, ...overrides });

describe('extractText', () => {
  const files = fixtureDir();
  afterAll(() => files.cleanup());

  it('has the documented default limits', () => {
    expect(DEFAULT_EXTRACT_LIMITS).toEqual({
      maxFileBytes: 50 * MiB,
      maxUncompressedBytes: 200 * MiB,
      maxEntries: 5_000,
      maxTextChars: 2_000_000,
      timeoutMs: 30_000,
    });
  });

  describe('text', () => {
    it('decodes UTF-8 and drops the BOM', async () => {
      const path = files.write('bom.txt', '\ufeffCatatan: pengetahuan – ASN ✓\n');
      expect(await extractText(path, 'text')).toEqual({
        status: 'extracted',
        text: 'Catatan: pengetahuan – ASN ✓\n',
      });
    });

    it('caps the characters without splitting a surrogate pair', async () => {
      const path = files.write('long.txt', 'abcd😀efgh');
      expect(await extractText(path, 'text', limits({ maxTextChars: 5 }))).toEqual({
        status: 'extracted',
        text: 'abcd',
      });
      expect(await extractText(path, 'text', limits({ maxTextChars: 3 }))).toEqual({
        status: 'extracted',
        text: 'abc',
      });
    });

    it('reports invalid UTF-8 as unreadable', async () => {
      const path = files.write('latin1.txt', Buffer.from('caf\xe9', 'latin1'));
      expect(await extractText(path, 'text')).toEqual({
        status: 'unreadable',
        reason: 'invalid_utf8',
      });
    });

    it('refuses files over maxFileBytes before reading them', async () => {
      const path = files.write('big.txt', 'x'.repeat(2000));
      expect(await extractText(path, 'text', limits({ maxFileBytes: 1999 }))).toEqual({
        status: 'unreadable',
        reason: 'too_large',
      });
    });

    it('rejects (does not hide) a missing file, so a job can retry', async () => {
      await expect(
        extractText(`${files.write('gone.txt', '')}.nope`, 'text'),
      ).rejects.toMatchObject({ code: 'ENOENT' });
    });
  });

  it.each(['png', 'jpeg', 'mp4'] as const)('has no text for %s', async (kind) => {
    expect(await extractText('/nonexistent/file', kind)).toEqual({ status: 'not_applicable' });
  });

  describe('docx', () => {
    const body =
      '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>' +
      '<w:r><w:t>Halo</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve">dunia &amp; &lt;ASN&gt; &quot;x&quot; &apos;y&apos; &#65;&#x42;</w:t></w:r></w:p>' +
      '<w:p/>' +
      '<w:p><w:r><w:t>Baris</w:t><w:br/><w:t>dua</w:t></w:r><w:r><w:delText>dihapus</w:delText></w:r>' +
      '<w:r><w:instrText>PAGE</w:instrText></w:r><!-- <w:t>komentar</w:t> --></w:p>';

    it('reads runs, tabs, breaks and paragraphs, decoding entities', async () => {
      const path = files.write('ok.docx', docx(documentXml(body)));
      expect(await extractText(path, 'docx')).toEqual({
        status: 'extracted',
        text: 'Halo\tdunia & <ASN> "x" \'y\' AB\n\nBaris\ndua',
      });
    });

    it('caps the characters', async () => {
      const path = files.write('capped.docx', docx(documentXml(body)));
      expect(await extractText(path, 'docx', limits({ maxTextChars: 7 }))).toEqual({
        status: 'extracted',
        text: 'Halo\tdu',
      });
    });

    it('refuses a DOCTYPE with entities (billion laughs) without expanding it', async () => {
      const laughs =
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>';
      const path = files.write(
        'laughs.docx',
        docx(documentXml('<w:p><w:r><w:t>&lol2;</w:t></w:r></w:p>', laughs)),
      );
      expect(await extractText(path, 'docx')).toEqual({ status: 'unreadable', reason: 'xml_dtd' });
    });

    it('refuses an external entity (XXE)', async () => {
      const xxe = '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>';
      const path = files.write(
        'xxe.docx',
        docx(documentXml('<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>', xxe)),
      );
      expect(await extractText(path, 'docx')).toEqual({ status: 'unreadable', reason: 'xml_dtd' });
    });

    it.each<[string, () => Buffer]>([
      ['malformed XML', () => docx('<w:document><w:body><w:p <<</w:body>')],
      [
        'a missing document.xml',
        () => buildZip([{ name: '[Content_Types].xml', data: '<Types/>' }]),
      ],
      ['bytes that are not a ZIP', () => Buffer.from('PK\x03\x04 this is not a zip', 'latin1')],
      ['a CRC mismatch', () => buildZip([{ name: 'word/document.xml', data: '<w:p/>', crc32: 1 }])],
    ])('reports %s as corrupt', async (_label, make) => {
      const path = files.write('corrupt.docx', make());
      expect(await extractText(path, 'docx')).toEqual({ status: 'unreadable', reason: 'corrupt' });
    });

    it('reports an encrypted ZIP entry as encrypted', async () => {
      const data = buildZip([{ name: 'word/document.xml', data: documentXml(''), flags: 0x0801 }]);
      const path = files.write('encrypted.docx', data);
      expect(await extractText(path, 'docx')).toEqual({
        status: 'unreadable',
        reason: 'encrypted',
      });
    });

    it('reports a ZIP64 package as unsupported', async () => {
      const data = buildZip([{ name: 'word/document.xml', data: '' }], { zip64Locator: true });
      const path = files.write('zip64.docx', data);
      expect(await extractText(path, 'docx')).toEqual({
        status: 'unreadable',
        reason: 'unsupported',
      });
    });
  });

  describe('archive limits', () => {
    it('refuses a 300 MiB zip bomb by its declared size, before inflating', async () => {
      const data = docx(documentXml(''), [
        {
          name: 'word/media/zeros.bin',
          compressed: zeroBombDeflate(300),
          uncompressedSize: 300 * MiB,
        },
      ]);
      const path = files.write('bomb.docx', data);
      expect(await extractText(path, 'docx')).toEqual({ status: 'unreadable', reason: 'zip_bomb' });
    });

    it('stops a bomb whose header under-declares its size', async () => {
      const data = buildZip([
        { name: '[Content_Types].xml', data: '<Types/>' },
        { name: 'word/document.xml', compressed: zeroBombDeflate(300), uncompressedSize: 4096 },
      ]);
      const path = files.write('liar.docx', data);
      expect(await extractText(path, 'docx')).toEqual({ status: 'unreadable', reason: 'zip_bomb' });
    });

    it('refuses a package whose parts exceed maxUncompressedBytes', async () => {
      const path = files.write('heavy.docx', docx(documentXml('x'.repeat(5000))));
      expect(await extractText(path, 'docx', limits({ maxUncompressedBytes: 4000 }))).toEqual({
        status: 'unreadable',
        reason: 'zip_bomb',
      });
    });

    it('refuses more than maxEntries entries (5,001 with the defaults)', async () => {
      const padding = Array.from({ length: 4998 }, (_, i) => ({ name: `pad/${i}`, data: '' }));
      const path = files.write('many.docx', docx(documentXml(''), padding));
      expect(await extractText(path, 'docx')).toEqual({
        status: 'unreadable',
        reason: 'too_many_entries',
      });
    });
  });

  describe('xlsx', () => {
    it('reads shared strings, then inline strings sheet by sheet in numeric order', async () => {
      const shared = [
        '<t>Anggaran</t>',
        '<r><t>Rapat </t></r><r><t>CoP &amp; OPD</t></r>',
        '<r><t>東京</t></r><rPh sb="0" eb="2"><t>トウキョウ</t></rPh>',
      ];
      const sheets = Array.from(
        { length: 10 },
        (_, i) =>
          `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Lembar ${i + 1}</t></is></c><c r="C1"><v>42</v></c></row>`,
      );
      const path = files.write('book.xlsx', xlsx(shared, sheets));
      const lines = ['Anggaran', 'Rapat CoP & OPD', '東京'];
      for (let i = 1; i <= 10; i++) lines.push(`Lembar ${i}`);
      expect(await extractText(path, 'xlsx')).toEqual({
        status: 'extracted',
        text: lines.join('\n'),
      });
    });

    it('works without a shared-strings part', async () => {
      const sheet = '<row r="1"><c r="A1" t="inlineStr"><is><t>Satu</t></is></c></row>';
      const path = files.write('inline.xlsx', xlsx(undefined, [sheet]));
      expect(await extractText(path, 'xlsx')).toEqual({ status: 'extracted', text: 'Satu' });
    });
  });

  describe('pptx', () => {
    it('reads slides in presentation order, a blank line between slides', async () => {
      const slides = [
        slideXml(['Slide satu', 'Poin &lt;1&gt;']),
        slideXml(['Slide dua']),
        slideXml(['Slide tiga']),
      ];
      const path = files.write('deck.pptx', pptx(slides, [2, 3, 1]));
      expect(await extractText(path, 'pptx')).toEqual({
        status: 'extracted',
        text: 'Slide dua\n\nSlide tiga\n\nSlide satu\nPoin <1>',
      });
    });

    it('falls back to file order (slide2 before slide10) without relationships', async () => {
      const entries = Array.from({ length: 10 }, (_, i) => ({
        name: `ppt/slides/slide${i + 1}.xml`,
        data: slideXml([`S${i + 1}`]),
      }));
      const data = buildZip([
        { name: '[Content_Types].xml', data: '<Types/>' },
        { name: 'ppt/presentation.xml', data: '<p:presentation/>' },
        ...entries.reverse(),
      ]);
      const path = files.write('norels.pptx', data);
      const expected = Array.from({ length: 10 }, (_, i) => `S${i + 1}`).join('\n\n');
      expect(await extractText(path, 'pptx')).toEqual({ status: 'extracted', text: expected });
    });
  });

  describe('pdf', () => {
    it('extracts the text of a minimal PDF with pdf.js', async () => {
      const path = files.write('tacit.pdf', minimalPdf('Pengetahuan tacit ASN'));
      expect(await extractText(path, 'pdf')).toEqual({
        status: 'extracted',
        text: 'Pengetahuan tacit ASN',
      });
    });

    it('caps the characters', async () => {
      const path = files.write('capped.pdf', minimalPdf('Pengetahuan tacit ASN'));
      expect(await extractText(path, 'pdf', limits({ maxTextChars: 11 }))).toEqual({
        status: 'extracted',
        text: 'Pengetahuan',
      });
    });

    it('reports a password-protected PDF as encrypted', async () => {
      const path = files.write('locked.pdf', minimalPdf('Rahasia', { encrypted: true }));
      expect(await extractText(path, 'pdf')).toEqual({ status: 'unreadable', reason: 'encrypted' });
    });

    it('reports a damaged PDF as corrupt', async () => {
      const path = files.write('broken.pdf', '%PDF-1.7\nthis is not really a pdf\n');
      expect(await extractText(path, 'pdf')).toEqual({ status: 'unreadable', reason: 'corrupt' });
    });

    it('gives up at the deadline and reports a timeout', async () => {
      const path = files.write('slow.pdf', minimalPdf('Pengetahuan tacit ASN'));
      expect(await extractText(path, 'pdf', limits({ timeoutMs: 1 }))).toEqual({
        status: 'unreadable',
        reason: 'timeout',
      });
    });
  });
});
