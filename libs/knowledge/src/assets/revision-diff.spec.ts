import { sameContent } from './asset-content';
import { diffRevisions } from './revision-diff';
import type { RevisionContent } from './revision-row';

const published: RevisionContent = {
  type: 'pelajaran',
  title: 'Pelajaran lelang',
  summary: 'Lelang gagal dua kali.',
  sections: { rencana: 'Lelang Maret.', yang_terjadi: 'Tidak ada penawar.', lain_kali: 'Survei.' },
  body: '',
  tags: ['pengadaan'],
  visibility: 'internal',
  seciMode: null,
  narasumberId: null,
  copId: null,
};

describe('diffRevisions', () => {
  it('names the fields that differ and every text section of the template in order', () => {
    const proposed: RevisionContent = {
      ...published,
      title: 'Pelajaran lelang ulang',
      tags: ['pengadaan', 'lelang'],
      sections: {
        rencana: 'Lelang Maret.',
        yang_terjadi: 'Satu penawar, gugur administrasi.',
        mengapa_berbeda: 'Spesifikasi terlalu sempit.',
      },
    };
    const { fields, sections } = diffRevisions('pelajaran', published, proposed);
    expect(fields).toEqual([
      { field: 'title', before: 'Pelajaran lelang', after: 'Pelajaran lelang ulang' },
      { field: 'tags', before: 'pengadaan', after: 'pengadaan, lelang' },
    ]);
    expect(sections.map((s) => [s.key, s.change])).toEqual([
      ['rencana', 'unchanged'],
      ['yang_terjadi', 'changed'],
      ['mengapa_berbeda', 'added'],
      ['lain_kali', 'removed'],
    ]);
    expect(sections[1]).toMatchObject({
      label: { id: 'Apa yang terjadi' },
      before: 'Tidak ada penawar.',
      after: 'Satu penawar, gugur administrasi.',
    });
    expect(sections[3]).toMatchObject({ before: 'Survei.', after: null });
  });

  it('treats blank text as absent and a first revision as all added', () => {
    const blank = { ...published, summary: '', sections: { ...published.sections, rencana: ' ' } };
    const { fields, sections } = diffRevisions('pelajaran', published, blank);
    expect(fields).toEqual([{ field: 'summary', before: 'Lelang gagal dua kali.', after: null }]);
    expect(sections[0]).toMatchObject({ key: 'rencana', change: 'removed', after: null });
    const first = diffRevisions('pelajaran', undefined, published);
    expect(first.sections.filter((s) => s.change === 'added').map((s) => s.key)).toEqual([
      'rencana',
      'yang_terjadi',
      'lain_kali',
    ]);
    expect(first.fields.map((f) => f.field)).toEqual(['title', 'summary', 'tags', 'visibility']);
  });
});

describe('sameContent', () => {
  it('ignores section order and copies, not other differences', () => {
    const reordered = {
      ...published,
      sections: {
        lain_kali: 'Survei.',
        yang_terjadi: 'Tidak ada penawar.',
        rencana: 'Lelang Maret.',
      },
    };
    expect(sameContent(published, reordered)).toBe(true);
    expect(sameContent(published, { ...published, tags: ['pengadaan', 'lelang'] })).toBe(false);
    expect(sameContent(published, { ...published, seciMode: 'sosialisasi' })).toBe(false);
  });
});
