import {
  assetSuggestion,
  copSuggestion,
  personSuggestion,
  tagSuggestion,
} from './search-completions.presenter';

describe('search completions presenter', () => {
  it('labels each kind by its text; a tag has no id', () => {
    expect(assetSuggestion({ id: 'a-1', title: 'Pelajaran lelang' })).toEqual({
      kind: 'asset',
      id: 'a-1',
      label: 'Pelajaran lelang',
    });
    expect(tagSuggestion('lelang')).toEqual({ kind: 'tag', label: 'lelang' });
    expect(personSuggestion({ id: 'u-1', name: 'Sari' })).toEqual({
      kind: 'person',
      id: 'u-1',
      label: 'Sari',
    });
    expect(copSuggestion({ id: 'c-1', name: 'KoP Pengadaan' })).toEqual({
      kind: 'cop',
      id: 'c-1',
      label: 'KoP Pengadaan',
    });
  });
});
