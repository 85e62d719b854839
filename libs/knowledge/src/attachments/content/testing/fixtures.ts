import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { buildZip, type ZipFixtureEntry } from './zip-writer';

/** A temp folder for one spec file; call `cleanup()` in afterAll. */
export function fixtureDir(): {
  write(name: string, data: Buffer | string): string;
  cleanup(): void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'lumbung-content-'));
  return {
    write(name, data) {
      const path = join(dir, name);
      writeFileSync(path, data);
      return path;
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const S = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const P = 'http://schemas.openxmlformats.org/presentationml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function contentTypes(overrides: string[]): ZipFixtureEntry {
  const parts = overrides.map((part) => `<Override PartName="/${part}" ContentType="x"/>`);
  return {
    name: '[Content_Types].xml',
    data: `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>${parts.join('')}</Types>`,
  };
}

/** A WordprocessingML document.xml around `body` (paragraph XML). */
export function documentXml(body: string, prologue = XML_DECLARATION): string {
  return `${prologue}<w:document xmlns:w="${W}"><w:body>${body}<w:sectPr/></w:body></w:document>`;
}

/** A DOCX package whose document.xml is exactly `document`. */
export function docx(document: string, extra: ZipFixtureEntry[] = []): Buffer {
  return buildZip([
    contentTypes(['word/document.xml']),
    { name: '_rels/.rels', data: `${XML_DECLARATION}<Relationships/>` },
    { name: 'word/document.xml', data: document },
    ...extra,
  ]);
}

/**
 * An XLSX package. `sharedStrings` holds the inner XML of each `<si>` (e.g. `<t>Anggaran</t>`);
 * `sheets` the `<sheetData>` content of each worksheet, stored as sheet1.xml, sheet2.xml, ...
 */
export function xlsx(sharedStrings: string[] | undefined, sheets: string[]): Buffer {
  const entries: ZipFixtureEntry[] = [
    contentTypes(['xl/workbook.xml']),
    { name: 'xl/workbook.xml', data: `${XML_DECLARATION}<workbook xmlns="${S}"/>` },
  ];
  if (sharedStrings) {
    const items = sharedStrings.map((item) => `<si>${item}</si>`).join('');
    entries.push({ name: 'xl/sharedStrings.xml', data: `<sst xmlns="${S}">${items}</sst>` });
  }
  sheets.forEach((sheetData, index) => {
    const data = `<worksheet xmlns="${S}"><sheetData>${sheetData}</sheetData></worksheet>`;
    entries.push({ name: `xl/worksheets/sheet${index + 1}.xml`, data });
  });
  return buildZip(entries);
}

/** One PresentationML slide with one text box per paragraph list. */
export function slideXml(paragraphs: string[]): string {
  const body = paragraphs.map((text) => `<a:p><a:r><a:t>${text}</a:t></a:r></a:p>`).join('');
  return `${XML_DECLARATION}<p:sld xmlns:a="${A}" xmlns:p="${P}"><p:cSld><p:spTree><p:sp><p:txBody>${body}</p:txBody></p:sp></p:spTree></p:cSld></p:sld>`;
}

/**
 * A PPTX package. `slides[i]` is stored as `ppt/slides/slide{i+1}.xml`; `order` lists the slide
 * numbers in presentation order (defaults to file order).
 */
export function pptx(slides: string[], order = slides.map((_, index) => index + 1)): Buffer {
  const ids = order.map((n, i) => `<p:sldId id="${256 + i}" r:id="rId${n + 10}"/>`).join('');
  const rels = slides
    .map(
      (_, i) => `<Relationship Id="rId${i + 11}" Type="slide" Target="slides/slide${i + 1}.xml"/>`,
    )
    .join('');
  return buildZip([
    contentTypes(['ppt/presentation.xml']),
    {
      name: 'ppt/presentation.xml',
      data: `${XML_DECLARATION}<p:presentation xmlns:p="${P}" xmlns:r="${R}"><p:sldIdLst>${ids}</p:sldIdLst></p:presentation>`,
    },
    {
      name: 'ppt/_rels/presentation.xml.rels',
      data: `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`,
    },
    ...slides.map((data, i) => ({ name: `ppt/slides/slide${i + 1}.xml`, data })),
  ]);
}

/** An ODF text document: a ZIP, but not an allowed type. */
export function odt(): Buffer {
  return buildZip([
    { name: 'mimetype', data: 'application/vnd.oasis.opendocument.text', method: 0 },
    { name: 'content.xml', data: '<office:document-content/>' },
    { name: 'META-INF/manifest.xml', data: '<manifest:manifest/>' },
  ]);
}

/**
 * A PDF 1.4 with one page per string of `text`, each showing it in Helvetica, with a correct
 * cross-reference table. `text` must not contain PDF string delimiters. With `encrypted`, the
 * file carries a standard security handler whose O/U values match no password, so a reader must
 * ask for one.
 */
export function minimalPdf(text: string | string[], options: { encrypted?: boolean } = {}): Buffer {
  const pages = typeof text === 'string' ? [text] : text;
  // Objects: 1 catalog, 2 page tree, 3 font, then a page and its content stream per page.
  const pageRef = (i: number) => `${4 + 2 * i} 0 R`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pages.map((_, i) => pageRef(i)).join(' ')}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  pages.forEach((line, i) => {
    const stream = `BT /F1 24 Tf 72 720 Td (${line}) Tj ET`;
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${5 + 2 * i} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`,
      `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
    );
  });
  let trailerExtra = '';
  if (options.encrypted) {
    const hex = (byte: string, count: number) => `<${byte.repeat(count)}>`;
    objects.push(`<< /Filter /Standard /V 1 /R 2 /O ${hex('11', 32)} /U ${hex('22', 32)} /P -4 >>`);
    trailerExtra = ` /Encrypt ${objects.length} 0 R /ID [${hex('33', 16)} ${hex('33', 16)}]`;
  }
  let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${trailerExtra} >>\n`;
  pdf += `startxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** A real 1×1 grey PNG. */
export function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from([0, 0x80]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The start of a JFIF JPEG (SOI + APP0), enough for sniffing. */
export function jpeg(): Buffer {
  return Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
    Buffer.from('JFIF\0', 'latin1'),
    Buffer.from([1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]),
  ]);
}

/** An ISO BMFF file: an `ftyp` box with `brand`, then an empty `mdat` box. */
export function isoMedia(brand: string): Buffer {
  const ftyp = Buffer.alloc(24);
  ftyp.writeUInt32BE(24, 0);
  ftyp.write('ftyp', 4, 'latin1');
  ftyp.write(brand, 8, 'latin1');
  ftyp.write(brand, 16, 'latin1');
  ftyp.write('mp41', 20, 'latin1');
  const mdat = Buffer.from([0, 0, 0, 8, 0x6d, 0x64, 0x61, 0x74]);
  return Buffer.concat([ftyp, mdat]);
}

/** The start of a Windows PE executable. */
export function exe(): Buffer {
  const header = Buffer.alloc(128);
  header.write('MZ', 0, 'latin1');
  header.writeUInt32LE(64, 60);
  header.write('PE\0\0', 64, 'latin1');
  return header;
}

/** The start of an ELF executable. */
export function elf(): Buffer {
  return Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(56)]);
}
