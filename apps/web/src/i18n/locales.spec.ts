import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';

const dir = join(__dirname, 'locales');

function keys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function load(lang: string, file: string): unknown {
  return JSON.parse(readFileSync(join(dir, lang, file), 'utf8'));
}

describe('portal translations', () => {
  const namespaces = readdirSync(join(dir, 'id')).sort();

  it('has an English file for every Indonesian namespace and no other', () => {
    expect(readdirSync(join(dir, 'en')).sort()).toEqual(namespaces);
  });

  it.each(namespaces)('%s: English has exactly the Indonesian keys', (file) => {
    expect(keys(load('en', file)).sort()).toEqual(keys(load('id', file)).sort());
  });

  it.each(namespaces)('%s: no empty text', (file) => {
    const empty = (lang: string): string[] => {
      const walk = (v: unknown, p: string): string[] =>
        typeof v === 'string'
          ? v.trim() === ''
            ? [p]
            : []
          : Object.entries(v as object).flatMap(([k, c]) => walk(c, `${p}.${k}`));
      return walk(load(lang, file), lang);
    };
    expect([...empty('id'), ...empty('en')]).toEqual([]);
  });
});
