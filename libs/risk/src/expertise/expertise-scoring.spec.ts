import {
  EVIDENCE_POINTS,
  type PersonEvidence,
  topicsOf,
  visibleEvidence,
} from './expertise-scoring';

function evidence(overrides: Partial<PersonEvidence> = {}): PersonEvidence {
  return { assets: [], cops: [], declared: [], ...overrides };
}

const asset = (
  id: string,
  tags: string[],
  extra: Partial<PersonEvidence['assets'][number]> = {},
) => ({
  id,
  tags,
  role: 'author' as const,
  endorsements: 0,
  reuseReports: 0,
  ...extra,
});

describe('topicsOf: expertise from evidence', () => {
  it('an authored asset gives each of its tags 3 points, with the asset as evidence', () => {
    expect(topicsOf(evidence({ assets: [asset('a1', ['anggaran', 'pengadaan'])] }))).toEqual([
      { topic: 'anggaran', score: 3, assetIds: ['a1'], copIds: [], declared: [] },
      { topic: 'pengadaan', score: 3, assetIds: ['a1'], copIds: [], declared: [] },
    ]);
  });

  it('being interviewed weighs more than writing, and counts once when both', () => {
    const both = evidence({
      assets: [asset('w1', ['arsip']), asset('w1', ['arsip'], { role: 'narasumber' })],
    });
    expect(topicsOf(both)).toEqual([
      {
        topic: 'arsip',
        score: EVIDENCE_POINTS.narasumber,
        assetIds: ['w1'],
        copIds: [],
        declared: [],
      },
    ]);
  });

  it('endorsements and reuse add to the asset’s tags, each capped per asset', () => {
    const [t] = topicsOf(
      evidence({ assets: [asset('a1', ['anggaran'], { endorsements: 4, reuseReports: 2 })] }),
    );
    expect(t.score).toBe(3 + 4 * 0.5 + 2 * 1);
    const [capped] = topicsOf(
      evidence({ assets: [asset('a1', ['anggaran'], { endorsements: 100, reuseReports: 100 })] }),
    );
    expect(capped.score).toBe(3 + EVIDENCE_POINTS.endorsementCap + EVIDENCE_POINTS.reuseCap);
  });

  it('a CoP gives its theme: lead 3, member 1, plus half a point per meeting up to 3', () => {
    const topics = topicsOf(
      evidence({
        cops: [
          { copId: 'c1', topic: 'mutu-layanan', lead: true, member: true, meetingsAttended: 2 },
          { copId: 'c2', topic: 'kearsipan', lead: false, member: true, meetingsAttended: 20 },
        ],
      }),
    );
    expect(topics.map((t) => [t.topic, t.score, t.copIds])).toEqual([
      ['kearsipan', 4, ['c2']],
      ['mutu-layanan', 4, ['c1']],
    ]);
  });

  it('attending one meeting of a CoP one does not belong to is not yet expertise', () => {
    const topics = topicsOf(
      evidence({
        cops: [{ copId: 'c1', topic: 'mutu', lead: false, member: false, meetingsAttended: 1 }],
      }),
    );
    expect(topics).toEqual([]);
  });

  it('declared topics count, more when the OPD admin declares them, and say who did', () => {
    const topics = topicsOf(
      evidence({
        declared: [
          { topic: 'arsip', as: 'self' },
          { topic: 'arsip', as: 'opd_admin' },
          { topic: 'hibah', as: 'self' },
        ],
      }),
    );
    expect(topics.map((t) => [t.topic, t.score, t.declared])).toEqual([
      ['arsip', 3, ['self', 'opd_admin']],
      ['hibah', 1, ['self']],
    ]);
  });

  it('orders by score, then by name', () => {
    const topics = topicsOf(
      evidence({
        assets: [asset('a1', ['zona']), asset('a2', ['zona', 'beta']), asset('a3', ['alfa'])],
      }),
    );
    expect(topics.map((t) => t.topic)).toEqual(['zona', 'alfa', 'beta']);
  });
});

describe('visibleEvidence', () => {
  it('keeps only the assets the reader may read; CoPs and declarations stay', () => {
    const e = evidence({
      assets: [asset('open', ['a']), asset('hidden', ['rahasia'])],
      cops: [{ copId: 'c1', topic: 'mutu', lead: true, member: true, meetingsAttended: 0 }],
      declared: [{ topic: 'arsip', as: 'self' }],
    });
    const visible = visibleEvidence(e, new Set(['open']));
    expect(visible.assets.map((a) => a.id)).toEqual(['open']);
    expect(topicsOf(visible).map((t) => t.topic)).not.toContain('rahasia');
    expect(visible.cops).toHaveLength(1);
    expect(visible.declared).toHaveLength(1);
  });
});
