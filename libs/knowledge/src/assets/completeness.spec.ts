import { blocksSubmission, computeCompleteness, type CompletenessInput } from './completeness';

const pelajaran = (over: Partial<CompletenessInput> = {}): CompletenessInput => ({
  type: 'pelajaran',
  summary: '',
  sections: {},
  tags: [],
  seciMode: null,
  narasumberId: null,
  attachmentCount: 0,
  ...over,
});

describe('computeCompleteness', () => {
  it('counts each required section as its own item: 1 of 4 sections with a summary and a tag is 3/7', () => {
    const c = computeCompleteness(
      pelajaran({ sections: { rencana: 'Rencana awal' }, summary: 'Ringkas', tags: ['anggaran'] }),
    );
    // The old rule gave (1/4 + 1 + 1 + 0) / 4 = 0.5625 for this draft.
    expect(c.score).toBe(0.429);
    expect(c.score).toBeLessThan(0.5);
    expect(computeCompleteness(pelajaran({ sections: { rencana: 'x' } })).score).toBe(0.143);
  });

  it('gives the issue’s draft (3 of 4 sections empty, summary, tag, SECI) 4/7 instead of 0.813', () => {
    const c = computeCompleteness(
      pelajaran({
        sections: { rencana: 'Rencana', yang_terjadi: '  ' },
        summary: 'Ringkas',
        tags: ['anggaran'],
        seciMode: 'eksternalisasi',
      }),
    );
    expect(c.score).toBe(0.571);
  });

  it('names what is missing by the form’s labels, with stable keys, in form order', () => {
    const c = computeCompleteness(pelajaran({ sections: { rencana: 'Rencana' } }));
    expect(c.missing).toEqual([
      { key: 'section:yang_terjadi', label: 'Apa yang terjadi', labelEn: 'What happened' },
      { key: 'section:mengapa_berbeda', label: 'Mengapa berbeda', labelEn: 'Why it differed' },
      {
        key: 'section:lain_kali',
        label: 'Apa yang dilakukan lain kali',
        labelEn: 'What to do next time',
      },
      { key: 'summary', label: 'Ringkasan', labelEn: 'Summary' },
      { key: 'tags', label: 'Tag (minimal satu)', labelEn: 'Tags (at least one)' },
      { key: 'seciMode', label: 'Mode SECI', labelEn: 'SECI mode' },
    ]);
    expect(blocksSubmission(c.missing).map((m) => m.key)).toEqual([
      'section:yang_terjadi',
      'section:mengapa_berbeda',
      'section:lain_kali',
    ]);
  });

  it('counts the interviewed expert and a required attachment as items', () => {
    const interview = computeCompleteness({
      ...pelajaran(),
      type: 'wawancara_pengetahuan',
      narasumberId: '3f0c2d4e-0000-4000-8000-000000000001',
    });
    // narasumber + 6 sections + summary + tags + SECI = 10 items, 1 filled.
    expect(interview.score).toBe(0.1);
    expect(interview.missing.map((m) => m.key)).not.toContain('section:narasumber');
    const doc = computeCompleteness({
      ...pelajaran(),
      type: 'dokumen',
      sections: { ringkasan: 'Isi' },
      summary: 'S',
      tags: ['t'],
      seciMode: 'kombinasi',
    });
    expect(doc).toEqual({
      score: 0.8,
      missing: [
        {
          key: 'attachment',
          label: 'Lampiran (minimal satu berkas)',
          labelEn: 'Attachment (at least one file)',
        },
      ],
    });
  });
});
