import { posix } from 'node:path';
import type { TextSink } from './text-sink';
import { localName, scanXml, type XmlVisitor } from './xml-text';
import type { ZipArchive } from './zip';

/** The ZIP-based kinds whose text {@link extractOfficeText} reads. */
export type OfficeKind = 'docx' | 'xlsx' | 'pptx';

/** Thrown when a required part is missing from an otherwise readable package. */
export class OfficePartMissingError extends Error {
  override readonly name = 'OfficePartMissingError';
}

/** Thrown between parts once the caller has given up (the extraction timed out). */
export class ExtractionAbortedError extends Error {
  override readonly name = 'ExtractionAbortedError';
}

/**
 * Reads the visible text of an Office package: `word/document.xml` for DOCX; shared strings and
 * inline strings of every worksheet for XLSX; every slide, in presentation order, for PPTX.
 * Stops as soon as `sink` is full, and between parts once `signal` is aborted.
 */
export async function extractOfficeText(
  zip: ZipArchive,
  kind: OfficeKind,
  sink: TextSink,
  signal: AbortSignal,
): Promise<void> {
  const parts = await partsToRead(zip, kind);
  for (const part of parts) {
    if (sink.full) return;
    if (signal.aborted) throw new ExtractionAbortedError('extraction aborted');
    scanXml(await readXml(zip, part.name), part.visitor(sink));
  }
}

interface PartPlan {
  name: string;
  visitor: (sink: TextSink) => XmlVisitor;
}

async function partsToRead(zip: ZipArchive, kind: OfficeKind): Promise<PartPlan[]> {
  switch (kind) {
    case 'docx':
      return [{ name: 'word/document.xml', visitor: (sink) => new DocxVisitor(sink) }];
    case 'xlsx':
      return [
        ...(zip.entry('xl/sharedStrings.xml') ? ['xl/sharedStrings.xml'] : []),
        ...numbered(zip, /^xl\/worksheets\/sheet(\d+)\.xml$/),
      ].map((name) => ({ name, visitor: (sink) => new StringItemVisitor(sink) }));
    case 'pptx':
      return (await slideOrder(zip)).map((name) => ({
        name,
        visitor: (sink) => new SlideVisitor(sink),
      }));
  }
}

async function readXml(zip: ZipArchive, name: string): Promise<string> {
  const entry = zip.entry(name);
  if (!entry) throw new OfficePartMissingError(`missing part ${name}`);
  // Office writes UTF-8; a BOM, if present, is not text.
  return (await zip.read(entry)).toString('utf8').replace(/^\ufeff/, '');
}

/** Entry names matching `pattern` (one numeric group), in numeric order (slide2 before slide10). */
function numbered(zip: ZipArchive, pattern: RegExp): string[] {
  return zip.entries
    .map((entry) => ({ name: entry.name, match: pattern.exec(entry.name) }))
    .filter((item) => item.match !== null)
    .sort((a, b) => Number(a.match?.[1]) - Number(b.match?.[1]))
    .map((item) => item.name);
}

/**
 * Slides in the order the presentation shows them (presentation.xml's slide list resolved through
 * its relationships); file-name order when that information is missing or unreadable.
 */
async function slideOrder(zip: ZipArchive): Promise<string[]> {
  const slides = numbered(zip, /^ppt\/slides\/slide(\d+)\.xml$/);
  if (!zip.entry('ppt/_rels/presentation.xml.rels')) return slides;
  const relationIds = new AttributeCollector('sldId', (name) => name.includes(':'));
  scanXml(await readXml(zip, 'ppt/presentation.xml'), relationIds);
  const relations = new AttributeCollector('Relationship', () => true);
  scanXml(await readXml(zip, 'ppt/_rels/presentation.xml.rels'), relations);
  const targets = new Map(relations.items.map((item) => [item.get('Id'), item.get('Target')]));
  const ordered = relationIds.items
    .map((item) => [...item.entries()].find(([name]) => localName(name) === 'id')?.[1])
    .map((id) => resolveTarget(targets.get(id)))
    .filter((name): name is string => name !== undefined && slides.includes(name));
  const unique = [...new Set(ordered)];
  return unique.length > 0 ? unique : slides;
}

/** Resolves a relationship target against `ppt/`; the result is only compared with entry names. */
function resolveTarget(target: string | undefined): string | undefined {
  if (!target) return undefined;
  return target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join('ppt', target));
}

/** Collects the attributes of every element with a given local name. */
class AttributeCollector implements XmlVisitor {
  readonly items: Map<string, string>[] = [];

  constructor(
    private readonly element: string,
    private readonly keep: (attributeName: string) => boolean,
  ) {}

  open(name: string, attributes: ReadonlyMap<string, string>): void {
    if (localName(name) !== this.element) return;
    this.items.push(new Map([...attributes].filter(([attribute]) => this.keep(attribute))));
  }

  close(): void {}

  text(): void {}
}

/** WordprocessingML: `<w:t>` runs, tabs and breaks inside runs, a newline per paragraph. */
class DocxVisitor implements XmlVisitor {
  private inText = 0;
  private inRun = 0;

  constructor(private readonly sink: TextSink) {}

  open(name: string, _attributes: ReadonlyMap<string, string>, selfClosing: boolean): void {
    const local = localName(name);
    if (local === 't' && !selfClosing) this.inText++;
    if (local === 'r' && !selfClosing) this.inRun++;
    // `w:tab` also defines tab stops in paragraph properties; only a tab inside a run is text.
    if (this.inRun > 0 && local === 'tab') this.sink.push('\t');
    if (this.inRun > 0 && (local === 'br' || local === 'cr')) this.sink.push('\n');
  }

  close(name: string): void {
    const local = localName(name);
    if (local === 't') this.inText = Math.max(0, this.inText - 1);
    if (local === 'r') this.inRun = Math.max(0, this.inRun - 1);
    if (local === 'p') this.sink.push('\n');
  }

  text(value: string): void {
    if (this.inText > 0) this.sink.push(value);
  }

  done(): boolean {
    return this.sink.full;
  }
}

/**
 * SpreadsheetML strings: each `<si>` (shared string) or `<is>` (inline string) becomes one line,
 * from its `<t>` elements; phonetic guides (`<rPh>`) are left out.
 */
class StringItemVisitor implements XmlVisitor {
  private item: string[] | undefined;
  private inText = 0;
  private inPhonetic = 0;

  constructor(private readonly sink: TextSink) {}

  open(name: string, _attributes: ReadonlyMap<string, string>, selfClosing: boolean): void {
    const local = localName(name);
    if ((local === 'si' || local === 'is') && !selfClosing) this.item = [];
    if (local === 't' && !selfClosing) this.inText++;
    if (local === 'rPh' && !selfClosing) this.inPhonetic++;
  }

  close(name: string): void {
    const local = localName(name);
    if (local === 't') this.inText = Math.max(0, this.inText - 1);
    if (local === 'rPh') this.inPhonetic = Math.max(0, this.inPhonetic - 1);
    if ((local === 'si' || local === 'is') && this.item) {
      this.sink.push(`${this.item.join('')}\n`);
      this.item = undefined;
    }
  }

  text(value: string): void {
    if (this.item && this.inText > 0 && this.inPhonetic === 0) this.item.push(value);
  }

  done(): boolean {
    return this.sink.full;
  }
}

/** PresentationML slide: `<a:t>` text, a newline per paragraph and line break, a blank line after. */
class SlideVisitor implements XmlVisitor {
  private inText = 0;

  constructor(private readonly sink: TextSink) {}

  open(name: string, _attributes: ReadonlyMap<string, string>, selfClosing: boolean): void {
    const local = localName(name);
    if (local === 't' && !selfClosing) this.inText++;
    if (local === 'br') this.sink.push('\n');
  }

  close(name: string): void {
    const local = localName(name);
    if (local === 't') this.inText = Math.max(0, this.inText - 1);
    if (local === 'p') this.sink.push('\n');
    if (local === 'sld') this.sink.push('\n');
  }

  text(value: string): void {
    if (this.inText > 0) this.sink.push(value);
  }

  done(): boolean {
    return this.sink.full;
  }
}
