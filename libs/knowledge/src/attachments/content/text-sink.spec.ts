import { TextSink, truncateChars } from './text-sink';

describe('TextSink', () => {
  it('collects text until the budget and reports itself full', () => {
    const sink = new TextSink(8);
    sink.push('Halo ');
    expect(sink.full).toBe(false);
    sink.push('dunia');
    sink.push('ignored');
    expect(sink.full).toBe(true);
    expect(sink.toString()).toBe('Halo dun');
  });

  it('never splits a surrogate pair and trims trailing whitespace', () => {
    const sink = new TextSink(4);
    sink.push('abc😀def');
    expect(sink.full).toBe(true);
    expect(sink.toString()).toBe('abc');
    const spaced = new TextSink(100);
    spaced.push('baris\n\n \t');
    expect(spaced.toString()).toBe('baris');
  });
});

describe('truncateChars', () => {
  it.each([
    ['abcdef', 3, 'abc'],
    ['ab', 3, 'ab'],
    ['a😀b', 2, 'a'],
    ['a😀b', 3, 'a😀'],
    ['😀', 1, ''],
    ['abc', 0, ''],
  ])('%j to %d → %j', (text, max, expected) => {
    expect(truncateChars(text, max)).toBe(expected);
  });
});
