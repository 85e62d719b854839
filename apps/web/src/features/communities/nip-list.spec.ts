import { describe, expect, it } from '@jest/globals';
import { nipListCsv } from './nip-list';

describe('nipListCsv', () => {
  it('takes NIPs one per line, separated by commas or written with spaces', () => {
    const text =
      '198503012010011001, 198503012010011002\n19850301 201001 1 003;x\n12345 198503012010011004';
    expect(nipListCsv(text)).toBe(
      'NIP\n198503012010011001\n198503012010011002\n198503012010011003\n12345\n198503012010011004\n',
    );
  });

  it('has nothing to send for text without digits', () => {
    expect(nipListCsv('tidak ada')).toBeUndefined();
  });
});
