import type { AssetEntity } from '../assets/asset.entity';
import type { AssetSummaryDto } from '../assets/dto/asset-summary.dto';
import { presentReviewItem } from './review-queue.presenter';

const asset = {
  id: 'a-1',
  type: 'pelajaran',
  summary: 'Ringkasan',
  sections: {},
  tags: ['lelang'],
  authorIds: ['u-1', 'u-9'],
  narasumberId: null,
  seciMode: null,
  submittedAt: new Date('2025-03-02T02:00:00.000Z'),
  verifiedAt: null,
  reviewDueAt: null,
} as unknown as AssetEntity;
const summary = { id: 'a-1', title: 'Pelajaran lelang' } as AssetSummaryDto;

describe('review queue presenter', () => {
  it('answers a queued asset with its authors, whether the caller wrote it, and what it lacks', () => {
    const people = new Map([['u-1', { name: 'Sari', opdCode: 'BAPPEDA' }]]);
    const dto = presentReviewItem(asset, summary, people, 0, 'u-1');
    expect(dto).toMatchObject({
      id: 'a-1',
      title: 'Pelajaran lelang',
      authors: [
        { id: 'u-1', name: 'Sari', opdCode: 'BAPPEDA' },
        { id: 'u-9', name: '', opdCode: '' },
      ],
      byCaller: true,
      submittedAt: '2025-03-02T02:00:00.000Z',
      verifiedAt: null,
      reviewDueAt: null,
    });
    expect(dto.missing.length).toBeGreaterThan(0);
    expect(presentReviewItem(asset, summary, people, 0, 'u-2').byCaller).toBe(false);
  });
});
