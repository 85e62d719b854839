import { namedWords, questionTerms } from './question-ranker';

describe('questionTerms', () => {
  const known = new Map([['homeostatis', 'homeostasis']]);
  const correct = (w: string) => known.get(w);

  it('scores a question by its topic words, never its question and function words', () => {
    expect(questionTerms('Dimana letak Universitas Cape Town?', correct)).toBe(
      'letak universitas cape town',
    );
    expect(
      questionTerms('Siapakah yang menghapuskan perbudakan di Amerika Serikat ?', correct),
    ).toBe('menghapuskan perbudakan amerika serikat');
    expect(questionTerms('apa itu?', correct)).toBe('');
  });

  it('adds the known spelling of a word no asset holds, and keeps the typed word', () => {
    expect(questionTerms('Apa yang dimaksud dengan homeostatis ?', correct)).toBe(
      'dimaksud homeostatis homeostasis',
    );
  });

  it('leaves the word being typed and short words to prefix matching', () => {
    const asked: string[] = [];
    const spy = (w: string) => {
      asked.push(w);
      return undefined;
    };
    expect(questionTerms('kapan sop banjir homeostat', spy)).toBe('sop banjir homeostat');
    expect(asked).toEqual(['banjir']);
  });
});

describe('namedWords', () => {
  it('takes the names a question capitalises after its first word', () => {
    expect(namedWords('Dimana letak Universitas Cape Town?')).toEqual([
      'universitas',
      'cape',
      'town',
    ]);
    expect(namedWords('Apa kepanjangan dari GPS?')).toEqual(['gps']);
    expect(namedWords('Kapan Di Jakarta banjir?')).toEqual(['jakarta']);
  });

  it('finds none in a question without capitals or one capitalised throughout', () => {
    expect(namedWords('apa itu stunting?')).toEqual([]);
    expect(namedWords('Apa Itu Stunting Di Jakarta?')).toEqual([]);
    expect(namedWords('APA ITU SOP?')).toEqual([]);
  });
});
