import { describe, expect, it } from '@jest/globals';
import { compareRevisions, type DiffPart, textDiff } from './revision-diff';

const side = (parts: DiffPart[], kind: 'added' | 'removed') =>
  parts
    .filter((p) => p.kind === 'same' || p.kind === kind)
    .map((p) => p.text)
    .join('');

describe('revision differences', () => {
  it('marks the words added and removed, and keeps the rest', () => {
    const parts = textDiff(
      'Antrean turun menjadi tiga hari.',
      'Antrean turun menjadi dua hari kerja.',
    );
    const words = (kind: DiffPart['kind']) =>
      parts
        .filter((p) => p.kind === kind)
        .map((p) => p.text.trim())
        .filter(Boolean);
    expect(words('removed')).toEqual(['tiga']);
    expect(words('added')).toEqual(['dua', 'kerja']);
    expect(words('same')).toEqual(['Antrean turun menjadi', 'hari', '.']);
  });

  it('rebuilds each version exactly from its side (line breaks included)', () => {
    const before = '1. Siapkan data\n2. Kirim surat\n\nCatatan lama.';
    const after = '1. Siapkan data pegawai\n2. Kirim surat\n3. Arsipkan\n\nCatatan baru.';
    const parts = textDiff(before, after);
    expect(side(parts, 'removed')).toBe(before);
    expect(side(parts, 'added')).toBe(after);
  });

  it('lists changed fields in order with their differences, and names the unchanged ones', () => {
    type R = { title: string; summary: string; tags: string[] };
    const fields = [
      { key: 'title', label: 'Judul', text: (r: R) => r.title },
      { key: 'summary', label: 'Ringkasan', text: (r: R) => r.summary },
      { key: 'tags', label: 'Tag', text: (r: R) => r.tags.join(', ') },
    ];
    const result = compareRevisions(
      { title: 'Layanan daring', summary: 'Lama.', tags: ['layanan'] },
      { title: 'Layanan daring', summary: 'Baru.', tags: ['layanan', 'perizinan'] },
      fields,
    );
    expect(result.unchanged).toEqual(['Judul']);
    expect(result.changed.map((c) => c.label)).toEqual(['Ringkasan', 'Tag']);
    const tags = result.changed[1]!.parts;
    expect(
      tags
        .filter((p) => p.kind === 'added')
        .map((p) => p.text)
        .join(''),
    ).toContain('perizinan');
    expect(tags.some((p) => p.kind === 'removed')).toBe(false);
  });

  it('reports no change for identical revisions', () => {
    const same = { title: 'x' };
    expect(
      compareRevisions(same, { ...same }, [{ key: 'title', label: 'Judul', text: (r) => r.title }]),
    ).toEqual({ changed: [], unchanged: ['Judul'] });
  });
});
