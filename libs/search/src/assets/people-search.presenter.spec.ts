import { presentPersonHit } from './people-search.presenter';

const person = { id: 'u-1', name: 'Sari', jabatan: 'Analis', opdCode: 'BAPPEDA' };

describe('people search presenter', () => {
  it('answers a person with the evidence the query found', () => {
    const hit = presentPersonHit({
      ...person,
      evidence: { authored: 3, interviews: 1, topTags: ['lelang', 'arsip'] },
    });
    expect(hit).toEqual({
      id: 'u-1',
      name: 'Sari',
      opdCode: 'BAPPEDA',
      jabatan: 'Analis',
      authoredAssets: 3,
      interviewsGiven: 1,
      topTags: ['lelang', 'arsip'],
    });
  });

  it('answers a person found by name only with zero evidence', () => {
    expect(presentPersonHit({ ...person, evidence: null })).toMatchObject({
      authoredAssets: 0,
      interviewsGiven: 0,
      topTags: [],
    });
  });
});
