import { crc32, deflateRawSync } from 'node:zlib';
import { Workbook } from 'exceljs';

/**
 * Small, valid office files for the demo's attachments (demo only): a PDF with text objects, and
 * DOCX and PPTX packages written as ZIPs by hand; XLSX through exceljs. Each carries the text it
 * is given, so the extractor finds it and search matches it.
 */
export type DemoFileKind = 'pdf' | 'docx' | 'xlsx' | 'pptx';

export interface DemoDocument {
  title: string;
  /** Heading and paragraphs, in order. */
  sections: { heading: string; paragraphs: string[] }[];
  /** Rows for a table (XLSX sheet, or a list in the others); the first row is the header. */
  table: string[][];
}

export async function renderDemoFile(kind: DemoFileKind, doc: DemoDocument): Promise<Buffer> {
  switch (kind) {
    case 'pdf':
      return pdf(doc);
    case 'docx':
      return docx(doc);
    case 'pptx':
      return pptx(doc);
    case 'xlsx':
      return xlsx(doc);
  }
}

/** Plain lines of a document (title, headings, paragraphs, table rows). */
function lines(doc: DemoDocument): { text: string; size: number }[] {
  const out = [{ text: doc.title, size: 16 }];
  for (const s of doc.sections) {
    out.push({ text: s.heading, size: 13 });
    for (const p of s.paragraphs) out.push(...wrap(p, 90).map((text) => ({ text, size: 11 })));
  }
  out.push({ text: doc.table[0].join(' | '), size: 11 });
  for (const row of doc.table.slice(1)) out.push({ text: row.join(' | '), size: 11 });
  return out;
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}

// ---- PDF: one Helvetica font, one content stream per page, a correct xref table.

function pdf(doc: DemoDocument): Buffer {
  const perPage = 48;
  const all = lines(doc);
  const pages: (typeof all)[] = [];
  for (let i = 0; i < all.length; i += perPage) pages.push(all.slice(i, i + perPage));
  const escape = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/[\\()]/g, (c) => `\\${c}`);
  const objects: string[] = [];
  // 1 catalog, 2 pages, 3 font, then (page, content) pairs.
  const kids = pages.map((_, i) => `${4 + i * 2} 0 R`).join(' ');
  objects.push('<< /Type /Catalog /Pages 2 0 R >>');
  objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`);
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  pages.forEach((page, i) => {
    let y = 800;
    const ops = page.map((l) => {
      y -= l.size + 5;
      return `BT /F1 ${l.size} Tf 50 ${y} Td (${escape(l.text)}) Tj ET`;
    });
    const stream = ops.join('\n');
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + i * 2} 0 R >>`,
    );
    objects.push(
      `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
    );
  });
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

// ---- ZIP (deflated entries, no data descriptors) for DOCX and PPTX.

function zip(files: [string, string][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of files) {
    const data = Buffer.from(text, 'utf8');
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(0x00210000, 10); // 1980-01-01 00:00, so the bytes never depend on today
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(0x00210000, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const xml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

function docx(doc: DemoDocument): Buffer {
  const para = (text: string, style?: string) =>
    `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${xml(text)}</w:t></w:r></w:p>`;
  const cell = (t: string) =>
    `<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/></w:tcPr>${para(t)}</w:tc>`;
  const body = [
    para(doc.title, 'Title'),
    ...doc.sections.flatMap((s) => [
      para(s.heading, 'Heading1'),
      ...s.paragraphs.map((p) => para(p)),
    ]),
    `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${doc.table
      .map((row) => `<w:tr>${row.map(cell).join('')}</w:tr>`)
      .join('')}</w:tbl>`,
    para(''),
  ].join('');
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  return zip([
    [
      '[Content_Types].xml',
      `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    ],
    [
      '_rels/.rels',
      `${HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
    ],
    [
      'word/document.xml',
      `${HEAD}<w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`,
    ],
  ]);
}

function pptx(doc: DemoDocument): Buffer {
  const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
  const P = 'http://schemas.openxmlformats.org/presentationml/2006/main';
  const slides = [
    { title: doc.title, bullets: doc.sections.map((s) => s.heading) },
    ...doc.sections.map((s) => ({ title: s.heading, bullets: s.paragraphs })),
    { title: doc.table[0].join(' / '), bullets: doc.table.slice(1).map((r) => r.join(' — ')) },
  ];
  const shape = (id: number, paragraphs: string[]) =>
    `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="Teks ${id}"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/>${paragraphs
      .map((t) => `<a:p><a:r><a:t>${xml(t)}</a:t></a:r></a:p>`)
      .join('')}</p:txBody></p:sp>`;
  const slideXml = (s: { title: string; bullets: string[] }) =>
    `${HEAD}<p:sld xmlns:a="${A}" xmlns:p="${P}" xmlns:r="${REL}"><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>${shape(2, [s.title])}${shape(3, s.bullets)}</p:spTree></p:cSld></p:sld>`;
  const files: [string, string][] = [
    [
      '[Content_Types].xml',
      `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/ppt/presentation.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"/>${slides
        .map(
          (_, i) =>
            `<Override PartName="/ppt/slides/slide${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.slide+xml"/>`,
        )
        .join('')}</Types>`,
    ],
    [
      '_rels/.rels',
      `${HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="ppt/presentation.xml"/></Relationships>`,
    ],
    [
      'ppt/presentation.xml',
      `${HEAD}<p:presentation xmlns:a="${A}" xmlns:p="${P}" xmlns:r="${REL}"><p:sldIdLst>${slides
        .map((_, i) => `<p:sldId id="${256 + i}" r:id="rId${i + 1}"/>`)
        .join(
          '',
        )}</p:sldIdLst><p:sldSz cx="9144000" cy="6858000"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>`,
    ],
    [
      'ppt/_rels/presentation.xml.rels',
      `${HEAD}<Relationships xmlns="${PKG_REL}">${slides
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="${REL}/slide" Target="slides/slide${i + 1}.xml"/>`,
        )
        .join('')}</Relationships>`,
    ],
    ...slides.map((s, i): [string, string] => [`ppt/slides/slide${i + 1}.xml`, slideXml(s)]),
  ];
  return zip(files);
}

async function xlsx(doc: DemoDocument): Promise<Buffer> {
  const book = new Workbook();
  book.creator = 'Lumbung (demo)';
  book.created = new Date(Date.UTC(2025, 0, 1));
  book.modified = book.created;
  const data = book.addWorksheet('Data');
  data.addRow([doc.title]);
  for (const row of doc.table) data.addRow(row);
  data.columns.forEach((c) => (c.width = 28));
  const notes = book.addWorksheet('Keterangan');
  for (const s of doc.sections) {
    notes.addRow([s.heading]);
    for (const p of s.paragraphs) notes.addRow([p]);
  }
  notes.getColumn(1).width = 100;
  return Buffer.from(await book.xlsx.writeBuffer());
}
