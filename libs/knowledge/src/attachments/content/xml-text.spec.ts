import {
  decodeEntities,
  localName,
  parseAttributes,
  scanXml,
  XmlDtdError,
  XmlFormatError,
  type XmlVisitor,
} from './xml-text';

function events(xml: string): string[] {
  const seen: string[] = [];
  const visitor: XmlVisitor = {
    open: (name, attributes, selfClosing) =>
      seen.push(`open ${name}${attributes}${selfClosing ? ' /' : ''}`),
    close: (name) => seen.push(`close ${name}`),
    text: (value) => seen.push(`text ${value}`),
  };
  scanXml(xml, visitor);
  return seen;
}

describe('scanXml', () => {
  it('reports elements and decoded text, skipping the declaration, comments and PIs', () => {
    const xml =
      '<?xml version="1.0"?><a:r x="1 > 0"><!-- <a:t>hidden</a:t> --><a:t>A &amp; B</a:t><?pi x?><a:br/></a:r>';
    expect(events(xml)).toEqual([
      'open a:r x="1 > 0"',
      'open a:t',
      'text A & B',
      'close a:t',
      'open a:br /',
      'close a:br',
      'close a:r',
    ]);
  });

  it('passes CDATA through without decoding entities', () => {
    expect(events('<t><![CDATA[<b>&amp;</b>]]></t>')).toEqual([
      'open t',
      'text <b>&amp;</b>',
      'close t',
    ]);
  });

  it.each([
    '<!DOCTYPE w:document [<!ENTITY x "boom">]><w:document>&x;</w:document>',
    '<?xml version="1.0"?>\n<!doctype root SYSTEM "file:///etc/passwd"><root/>',
    '<root><!ENTITY lol "lol"></root>',
    '<root><!ELEMENT root ANY></root>',
  ])('refuses markup declarations: %s', (xml) => {
    expect(() => events(xml)).toThrow(XmlDtdError);
  });

  it.each(['<a', '<a b=c>', '</ a>', '<!-- open', '<a><![CDATA[x</a>', '<?pi'])(
    'refuses unreadable markup: %s',
    (xml) => {
      expect(() => events(xml)).toThrow(XmlFormatError);
    },
  );

  it('stops as soon as the visitor is done', () => {
    const seen: string[] = [];
    scanXml('<a>1</a><a>2</a><a>3</a>', {
      open: () => undefined,
      close: () => undefined,
      text: (value) => seen.push(value),
      done: () => seen.length >= 2,
    });
    expect(seen).toEqual(['1', '2']);
  });
});

describe('decodeEntities', () => {
  it.each([
    ['&amp;&lt;&gt;&quot;&apos;', '&<>"\''],
    ['&#65;&#x42;&#x1F600;', 'AB😀'],
    ['&#0;&#xD800;&#x110000;', '\ufffd\ufffd\ufffd'],
    ['&nbsp;&unknown; &amp', '&nbsp;&unknown; &amp'],
    ['&amp;lt;', '&lt;'],
    ['no entities', 'no entities'],
  ])('%s → %s', (input, expected) => {
    expect(decodeEntities(input)).toBe(expected);
  });
});

describe('localName / parseAttributes', () => {
  it('strips prefixes and parses quoted, entity-encoded attributes', () => {
    expect(localName('w:t')).toBe('t');
    expect(localName('t')).toBe('t');
    expect([...parseAttributes(` id="256" r:id='rId2' title="a &amp; b"`)]).toEqual([
      ['id', '256'],
      ['r:id', 'rId2'],
      ['title', 'a & b'],
    ]);
  });
});
