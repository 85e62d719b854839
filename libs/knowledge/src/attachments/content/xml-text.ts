import { SaxesParser } from 'saxes';

/** Thrown when an XML part declares a DTD or entities: we never resolve either (XXE, billion laughs). */
export class XmlDtdError extends Error {
  override readonly name = 'XmlDtdError';
}

/** Thrown when an XML part is not well-formed. */
export class XmlFormatError extends Error {
  override readonly name = 'XmlFormatError';
}

/** Callbacks for {@link scanXml}. Element and attribute names are passed as written (with any prefix). */
export interface XmlVisitor {
  open(name: string, attributes: ReadonlyMap<string, string>, selfClosing: boolean): void;
  close(name: string): void;
  /** Character data with entities already decoded (CDATA passed through as is). */
  text(value: string): void;
  /** Lets the visitor stop the scan early, e.g. once its text budget is spent. */
  done?(): boolean;
}

/** Thrown from a handler to end the parse once the visitor is done (never escapes scanXml). */
class Stop extends Error {}

/** A markup declaration (DTD, entity, element or attribute-list declaration) anywhere. */
const DECLARATION = /<!(?:DOCTYPE|ENTITY|ELEMENT|ATTLIST|NOTATION)/i;
/** Parsed in slices, so a visitor that is done stops the work, not just the callbacks. */
const SLICE = 64 * 1024;

/**
 * Scans an Office XML part with saxes (a well-kept, non-validating XML 1.0 parser), which expands
 * only the predefined and numeric character references. Any `<!DOCTYPE`, `<!ENTITY` or other
 * markup declaration is refused outright instead of being parsed.
 * @throws XmlDtdError on a markup declaration; XmlFormatError on XML that is not well-formed.
 */
export function scanXml(xml: string, visitor: XmlVisitor): void {
  const declaration = DECLARATION.exec(xml);
  if (declaration) throw new XmlDtdError(`XML declares a DTD or entities at ${declaration.index}`);
  const parser = new SaxesParser({ position: false });
  const guard = () => {
    if (visitor.done?.()) throw new Stop();
  };
  parser.on('doctype', () => {
    throw new XmlDtdError('XML declares a DTD');
  });
  parser.on('opentag', (tag) => {
    guard();
    const attributes = new Map(Object.entries(tag.attributes as Record<string, string>));
    visitor.open(tag.name, attributes, tag.isSelfClosing);
  });
  parser.on('closetag', (tag) => {
    guard();
    visitor.close(tag.name);
  });
  parser.on('text', (value) => {
    guard();
    visitor.text(value);
  });
  parser.on('cdata', (value) => {
    guard();
    visitor.text(value);
  });
  parser.on('error', (error) => {
    throw new XmlFormatError(error.message);
  });
  try {
    for (let at = 0; at < xml.length; at += SLICE) parser.write(xml.slice(at, at + SLICE));
    parser.close();
  } catch (error) {
    if (error instanceof Stop) return;
    if (error instanceof XmlDtdError || error instanceof XmlFormatError) throw error;
    throw new XmlFormatError(error instanceof Error ? error.message : String(error));
  }
}

/** The part of a qualified name after its prefix (`w:t` → `t`). */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}
