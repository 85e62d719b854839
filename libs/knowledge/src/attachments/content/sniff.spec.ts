import {
  docx,
  documentXml,
  elf,
  exe,
  fixtureDir,
  isoMedia,
  jpeg,
  minimalPdf,
  odt,
  png,
  pptx,
  slideXml,
  xlsx,
} from './testing/fixtures';
import { buildZip } from './testing/zip-writer';
import {
  effectiveExtension,
  EXTENSIONS,
  extensionMatches,
  sniffFile,
  type AttachmentKind,
  type Sniffed,
} from './sniff';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PPTX_MIME = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
const TEXT: Sniffed = { kind: 'text', mime: 'text/plain; charset=utf-8' };
const BOM = '\ufeff';

describe('sniffFile', () => {
  const files = fixtureDir();
  afterAll(() => files.cleanup());

  const sniff = (name: string, data: Buffer | string) => sniffFile(files.write(name, data));

  it.each<[string, () => Buffer | string, Sniffed]>([
    ['a PDF', () => minimalPdf('Pengetahuan tacit ASN'), { kind: 'pdf', mime: 'application/pdf' }],
    ['a PNG', png, { kind: 'png', mime: 'image/png' }],
    ['a JPEG', jpeg, { kind: 'jpeg', mime: 'image/jpeg' }],
    ['an MP4 (isom)', () => isoMedia('isom'), { kind: 'mp4', mime: 'video/mp4' }],
    ['an MP4 (mp42)', () => isoMedia('mp42'), { kind: 'mp4', mime: 'video/mp4' }],
    ['a DOCX', () => docx(documentXml('<w:p/>')), { kind: 'docx', mime: DOCX_MIME }],
    ['an XLSX', () => xlsx(['<t>a</t>'], []), { kind: 'xlsx', mime: XLSX_MIME }],
    ['a PPTX', () => pptx([slideXml(['a'])]), { kind: 'pptx', mime: PPTX_MIME }],
    ['plain text', () => 'Catatan rapat CoP: berbagi pengetahuan.\n', TEXT],
    ['text with a BOM', () => `${BOM}Judul\n`, TEXT],
    ['multi-byte UTF-8', () => 'Pengetahuan – ASN ✓ 知識 🚀', TEXT],
    ['CSV', () => 'nip,nama\n1987,"Sari, S.Kom"\n', TEXT],
    ['Markdown opening with a div', () => '<div align="center">\n\n# Judul\n</div>\n', TEXT],
  ])('recognises %s', async (_label, make, expected) => {
    expect(await sniff('file.bin', make())).toEqual(expected);
  });

  it.each<[string, () => Buffer | string]>([
    ['an empty file', () => ''],
    ['HTML', () => '<!DOCTYPE html><html><body><script>alert(1)</script></body></html>'],
    ['HTML after whitespace, upper case', () => '\r\n\t  <HTML>\n<p>hi</p></HTML>'],
    ['a bare html tag', () => '<html>'],
    ['HTML starting with <script>', () => '<script>alert(1)</script>'],
    ['SVG after a BOM', () => `${BOM}<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>`],
    ['XML', () => '<?xml version="1.0"?><root/>'],
    ['PHP', () => '<?php system($_GET["c"]); ?>'],
    ['a shell script', () => '#!/bin/sh\nrm -rf /\n'],
    ['a node script after a BOM', () => `${BOM}#!/usr/bin/env node\nconsole.log(1)\n`],
    ['an EXE', exe],
    ['an ELF binary', elf],
    ['a GIF', () => Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1')],
    ['invalid UTF-8', () => Buffer.from([0x61, 0x62, 0xc3, 0x28, 0x0a])],
    ['a truncated UTF-8 sequence at the end', () => Buffer.from([0x61, 0xe2, 0x82])],
    ['text with a NUL byte', () => 'abc\u0000def'],
    ['UTF-16 text', () => Buffer.from(`${BOM}hello`, 'utf16le')],
    ['HEIC (an image in an ISO box)', () => isoMedia('heic')],
    ['QuickTime', () => isoMedia('qt  ')],
    ['an ODT', odt],
    ['a JAR', () => buildZip([{ name: 'META-INF/MANIFEST.MF', data: 'Manifest-Version: 1.0' }])],
    ['a plain zip', () => buildZip([{ name: 'notes.txt', data: 'x' }])],
    ['a zip with only the PK header', () => Buffer.from('PK\x03\x04garbage', 'latin1')],
    [
      'a DOCX part without [Content_Types].xml',
      () => buildZip([{ name: 'word/document.xml', data: documentXml('') }]),
    ],
    [
      'a macro-enabled document renamed .docx',
      () => docx(documentXml(''), [{ name: 'word/vbaProject.bin', data: 'VBA' }]),
    ],
    [
      'a package claiming to be DOCX and XLSX at once',
      () => docx(documentXml(''), [{ name: 'xl/workbook.xml', data: '<workbook/>' }]),
    ],
    [
      'a DOCX whose ZIP is encrypted',
      () =>
        buildZip([
          { name: '[Content_Types].xml', data: '<Types/>', flags: 0x0801 },
          { name: 'word/document.xml', data: '<w:document/>', flags: 0x0801 },
        ]),
    ],
  ])('rejects %s', async (_label, make) => {
    expect(await sniff('upload.pdf', make())).toBeUndefined();
  });

  it('reads the whole file for text: invalid UTF-8 far past the first chunk is caught', async () => {
    const data = Buffer.concat([Buffer.from('a'.repeat(600_000)), Buffer.from([0xff])]);
    expect(await sniff('long.txt', data)).toBeUndefined();
  });

  it('decodes characters split across read chunks', async () => {
    // 262,143 ASCII bytes put the 4-byte emoji across the 256 KiB chunk boundary.
    const data = `${'a'.repeat(256 * 1024 - 1)}🚀${'b'.repeat(10)}`;
    expect(await sniff('split.txt', data)).toEqual(TEXT);
  });

  it('judges markup after long leading whitespace', async () => {
    expect(await sniff('spaced.txt', `${' '.repeat(300_000)}<svg/>`)).toBeUndefined();
  });

  it('refuses an MP4 ftyp box that claims to be larger than the file', async () => {
    const data = isoMedia('isom');
    data.writeUInt32BE(4096, 0);
    expect(await sniff('short.mp4', data)).toBeUndefined();
  });

  it('rejects a polyglot only by what it starts with: %PDF- wins', async () => {
    const data = Buffer.concat([minimalPdf('x'), Buffer.from('<html><script>1</script></html>')]);
    expect(await sniff('polyglot.pdf', data)).toEqual({ kind: 'pdf', mime: 'application/pdf' });
  });
});

describe('EXTENSIONS', () => {
  it('lists the allowed extensions per kind', () => {
    expect(EXTENSIONS).toEqual({
      pdf: ['pdf'],
      docx: ['docx'],
      xlsx: ['xlsx'],
      pptx: ['pptx'],
      png: ['png'],
      jpeg: ['jpg', 'jpeg'],
      mp4: ['mp4'],
      text: ['txt', 'md', 'csv'],
    });
  });
});

describe('extensionMatches', () => {
  it.each<[AttachmentKind, string, boolean]>([
    ['pdf', 'laporan.pdf', true],
    ['pdf', 'LAPORAN.PDF', true],
    ['pdf', 'laporan tahunan 2025.v2.pdf', true],
    ['pdf', 'report\uff0epdf', true],
    ['jpeg', 'foto.jpg', true],
    ['jpeg', 'foto.JPEG', true],
    ['text', 'catatan.md', true],
    ['text', 'data.csv', true],
    ['text', 'readme.txt', true],
    ['pdf', 'report.pdf.exe', false],
    ['pdf', 'report.php%00.pdf', false],
    ['pdf', 'report.php%2500.pdf', false],
    ['pdf', 'report.pdf.', false],
    ['pdf', 'report.pdf ', false],
    ['pdf', 'report%2Fpdf', false],
    ['pdf', '.pdf', false],
    ['text', '.htaccess', false],
    ['pdf', 'report', false],
    ['pdf', 'report.docx', false],
    ['docx', 'macro.docm', false],
    ['text', 'page.html', false],
    ['text', 'icon.svg', false],
    ['jpeg', 'photo\u202egpj.exe', false],
    ['jpeg', 'photo\u202ejpg', false],
    ['pdf', 'a\u200b.pdf', false],
    ['pdf', '../../etc/passwd.pdf', false],
    ['pdf', '..\\..\\win.pdf', false],
    ['pdf', 'bad%E0%A4%A.pdf', false],
  ])('%s + %j → %s', (kind, name, expected) => {
    expect(extensionMatches(kind, name)).toBe(expected);
  });

  it('exposes the effective extension it judged', () => {
    expect(effectiveExtension('Laporan.Final.PDF')).toBe('pdf');
    expect(effectiveExtension('report\uff0epdf')).toBe('pdf');
    expect(effectiveExtension('noext')).toBeUndefined();
  });
});
