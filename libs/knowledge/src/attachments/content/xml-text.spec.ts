import { localName, scanXml, XmlDtdError, XmlFormatError, type XmlVisitor } from './xml-text';

function events(xml: string): string[] {
  const seen: string[] = [];
  const visitor: XmlVisitor = {
    open: (name, attributes, selfClosing) =>
      seen.push(
        `open ${name}${[...attributes].map(([k, v]) => ` ${k}=${v}`).join('')}${selfClosing ? ' /' : ''}`,
      ),
    close: (name) => seen.push(`close ${name}`),
    text: (value) => seen.push(`text ${value}`),
  };
  scanXml(xml, visitor);
  return seen;
}

describe('scanXml', () => {
  it('reports elements, attributes and decoded text, skipping the declaration, comments and PIs', () => {
    const xml =
      '<?xml version="1.0"?><a:r x="1 &gt; 0" r:id=\'rId2\'><!-- <a:t>hidden</a:t> --><a:t>A &amp; B &#65;&#x1F600;</a:t><?pi x?><a:br/></a:r>';
    expect(events(xml)).toEqual([
      'open a:r x=1 > 0 r:id=rId2',
      'open a:t',
      'text A & B A😀',
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

  it.each([
    '<a',
    '<a b=c>',
    '</ a>',
    '<!-- open',
    '<a><![CDATA[x</a>',
    '<?pi',
    '<a>&unknown;</a>',
    '<a>&#0;</a>',
    '<a></b>',
  ])('refuses XML that is not well-formed: %s', (xml) => {
    expect(() => events(xml)).toThrow(XmlFormatError);
  });

  it('stops as soon as the visitor is done', () => {
    const seen: string[] = [];
    scanXml('<r><a>1</a><a>2</a><a>3</a></r>', {
      open: () => undefined,
      close: () => undefined,
      text: (value) => seen.push(value),
      done: () => seen.length >= 2,
    });
    expect(seen).toEqual(['1', '2']);
  });

  it('reads a part larger than one parse slice', () => {
    const words = Array.from({ length: 20_000 }, (_, i) => `<t>kata${i}</t>`).join('');
    const texts = events(`<r>${words}</r>`).filter((e) => e.startsWith('text '));
    expect(texts).toHaveLength(20_000);
    expect(texts.at(-1)).toBe('text kata19999');
  });
});

describe('localName', () => {
  it('strips prefixes', () => {
    expect(localName('w:t')).toBe('t');
    expect(localName('t')).toBe('t');
  });
});
