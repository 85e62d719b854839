import { isNipInfo, parseNip } from '../users/nip';
import { DEMO_POSITIONS, makeName, makeNip, pick, prng } from './demo-people';
import { JABATAN_CATEGORIES } from '../users/user.entity';

const take = (rand: () => number, n: number): number[] => Array.from({ length: n }, () => rand());

describe('prng', () => {
  it('is mulberry32: known first values for seed 1', () => {
    expect(take(prng(1), 3)).toEqual([
      0.6270739405881613, 0.002735721180215478, 0.5274470399599522,
    ]);
  });

  it('yields the same sequence for the same seed', () => {
    expect(take(prng(2025), 50)).toEqual(take(prng(2025), 50));
  });

  it('yields different sequences for different seeds', () => {
    expect(take(prng(1), 10)).not.toEqual(take(prng(2), 10));
  });

  it('keeps every value in [0, 1)', () => {
    for (const value of take(prng(7), 10_000)) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });

  it('treats the seed as an unsigned 32-bit integer', () => {
    expect(take(prng(-1), 5)).toEqual(take(prng(0xffffffff), 5));
  });
});

describe('makeNip', () => {
  it('always yields a NIP that parseNip accepts, over 2,000 sequences', () => {
    const rand = prng(42);
    const fixedToday = new Date('2025-01-01T00:00:00Z');
    const rejected: string[] = [];
    for (let sequence = 0; sequence < 2000; sequence += 1) {
      const nip = makeNip(rand, sequence);
      if (!isNipInfo(parseNip(nip, fixedToday)) || !isNipInfo(parseNip(nip))) rejected.push(nip);
    }
    expect(rejected).toEqual([]);
  });

  it('embeds the sequence modulo 1000 in the last 3 digits', () => {
    const rand = prng(3);
    for (const [sequence, suffix] of [
      [0, '000'],
      [7, '007'],
      [42, '042'],
      [999, '999'],
      [1000, '000'],
      [1234, '234'],
    ] as const) {
      const nip = makeNip(rand, sequence);
      expect(nip).toHaveLength(18);
      expect(nip.slice(15)).toBe(suffix);
    }
  });

  it('is deterministic for a given seed and sequence', () => {
    const first = Array.from({ length: 20 }, (_, i) => makeNip(prng(99), i));
    const second = Array.from({ length: 20 }, (_, i) => makeNip(prng(99), i));
    expect(first).toEqual(second);
  });

  it('produces both sexes', () => {
    const rand = prng(5);
    const sexes = new Set(Array.from({ length: 200 }, (_, i) => makeNip(rand, i)[14]));
    expect([...sexes].sort()).toEqual(['1', '2']);
  });
});

describe('pick and makeName', () => {
  it('picks items from the list deterministically', () => {
    const items = ['a', 'b', 'c'] as const;
    const first = prng(11);
    const second = prng(11);
    const picked = Array.from({ length: 30 }, () => pick(first, items));
    const again = Array.from({ length: 30 }, () => pick(second, items));
    expect(picked.every((x) => items.includes(x))).toBe(true);
    expect(new Set(picked).size).toBe(3);
    expect(picked).toEqual(again);
  });

  it('makes two-word names deterministically', () => {
    const a = prng(8);
    const b = prng(8);
    for (let i = 0; i < 20; i += 1) {
      const name = makeName(a);
      expect(name).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
      expect(makeName(b)).toBe(name);
    }
  });

  it('uses only known jabatan categories in DEMO_POSITIONS', () => {
    for (const position of DEMO_POSITIONS) {
      expect(JABATAN_CATEGORIES).toContain(position.kategori);
    }
  });
});
