import { preferredLanguage } from './language';

describe('preferredLanguage', () => {
  it.each([undefined, '', '   ', '*'])('defaults to Indonesian for %p', (header) => {
    expect(preferredLanguage(header)).toBe('id');
  });

  it.each([
    ['en-US,en;q=0.9', 'en'],
    ['en', 'en'],
    ['EN-gb', 'en'],
    ['id-ID,id;q=0.9,en;q=0.8', 'id'],
    ['en;q=0.5, id;q=0.8', 'id'],
    ['id;q=0.4, en;q=0.6', 'en'],
    ['fr', 'id'],
    ['fr-FR,de;q=0.9', 'id'],
    ['fr, en;q=0.1', 'en'],
    ['english', 'id'],
    ['en, id', 'en'],
    ['id, en', 'id'],
  ])('picks the language for %p', (header, expected) => {
    expect(preferredLanguage(header)).toBe(expected);
  });

  it('ignores languages with q=0', () => {
    expect(preferredLanguage('en;q=0')).toBe('id');
    expect(preferredLanguage('en;q=0, fr')).toBe('id');
    expect(preferredLanguage('id;q=0, en;q=0.1')).toBe('en');
  });

  it('ignores unparseable or negative weights', () => {
    expect(preferredLanguage('en;q=abc')).toBe('id');
    expect(preferredLanguage('en;q=-1')).toBe('id');
    expect(preferredLanguage('en;q=abc, id;q=0.2')).toBe('id');
  });

  it('reads q among other parameters', () => {
    expect(preferredLanguage('id;level=1;q=0.2, en;foo=bar;q=0.3')).toBe('en');
  });

  it('joins array headers', () => {
    expect(preferredLanguage(['fr', 'en'])).toBe('en');
    expect(preferredLanguage(['en;q=0.3', 'id;q=0.2'])).toBe('en');
    expect(preferredLanguage(['en;q=0.3', 'id;q=0.7'])).toBe('id');
    expect(preferredLanguage([])).toBe('id');
  });

  it('looks at no more than the first 20 entries', () => {
    const many = Array.from({ length: 20 }, () => 'fr').join(',');
    expect(preferredLanguage(`${many},en`)).toBe('id');
    const nineteen = Array.from({ length: 19 }, () => 'fr').join(',');
    expect(preferredLanguage(`${nineteen},en`)).toBe('en');
  });
});
