import type { AssetEntity } from './asset.entity';
import type { DetailExtras } from './asset-detail-sql';
import { personRef, presentAssetDetail, presentAssetSummary } from './asset.presenter';

const created = new Date('2025-03-01T02:00:00.000Z');
const asset = {
  id: 'a-1',
  type: 'pelajaran',
  title: 'Pelajaran lelang',
  summary: 'Ringkasan',
  sections: {},
  body: 'Isi',
  tags: ['lelang'],
  opdId: 'opd-1',
  copId: null,
  authorIds: ['u-1', 'u-9'],
  narasumberId: null,
  seciMode: null,
  visibility: 'internal',
  status: 'published',
  completeness: 80,
  revision: 2,
  version: 3,
  externalId: null,
  createdBy: 'u-1',
  createdAt: created,
  updatedAt: new Date('2025-03-05T02:00:00.000Z'),
  submittedAt: new Date('2025-03-02T02:00:00.000Z'),
  publishedAt: new Date('2025-03-04T02:00:00.000Z'),
  verifiedAt: new Date('2025-03-04T02:00:00.000Z'),
  verifiedBy: 'u-2',
  reviewDueAt: new Date('2025-09-04T02:00:00.000Z'),
  archivedAt: null,
} as unknown as AssetEntity;

describe('asset presenter', () => {
  it('names an unknown person by an empty name', () => {
    expect(personRef('u-9', undefined)).toEqual({ id: 'u-9', name: '', opdCode: '' });
  });

  it('answers a summary, overdue for review once its review date has passed', () => {
    const before = presentAssetSummary(asset, 'BAPPEDA', null, Date.parse('2025-06-01T00:00:00Z'));
    expect(before).toEqual({
      id: 'a-1',
      type: 'pelajaran',
      title: 'Pelajaran lelang',
      summary: 'Ringkasan',
      tags: ['lelang'],
      opdCode: 'BAPPEDA',
      visibility: 'internal',
      status: 'published',
      completeness: 80,
      needsReview: false,
      publishedAt: '2025-03-04T02:00:00.000Z',
      updatedAt: '2025-03-05T02:00:00.000Z',
      rejection: null,
    });
    const after = presentAssetSummary(asset, 'BAPPEDA', null, Date.parse('2025-10-01T00:00:00Z'));
    expect(after.needsReview).toBe(true);
  });

  it('answers the detail from its extras: people by reference, the last rejection of a draft', () => {
    const extras: DetailExtras = {
      transitions: [
        {
          action: 'reject',
          fromStatus: 'submitted',
          toStatus: 'draft',
          actorId: 'u-2',
          comment: 'Lengkapi ringkasan',
          at: '2025-03-03T02:00:00.000Z',
        },
      ],
      attachments: [],
      proposed: null,
      people: {
        'u-1': { name: 'Sari', opdCode: 'BAPPEDA' },
        'u-2': { name: 'Budi', opdCode: 'INSPEKTORAT' },
      },
      opdCode: 'BAPPEDA',
    };
    const draft = { ...asset, status: 'draft', reviewDueAt: null } as AssetEntity;
    const dto = presentAssetDetail(draft, extras, true);
    const budi = { id: 'u-2', name: 'Budi', opdCode: 'INSPEKTORAT' };
    expect(dto).toMatchObject({
      id: 'a-1',
      status: 'draft',
      opdCode: 'BAPPEDA',
      needsReview: false,
      rejection: { comment: 'Lengkapi ringkasan', by: budi, at: '2025-03-03T02:00:00.000Z' },
      authors: [
        { id: 'u-1', name: 'Sari', opdCode: 'BAPPEDA' },
        { id: 'u-9', name: '', opdCode: '' },
      ],
      narasumber: null,
      verifiedBy: budi,
      createdAt: '2025-03-01T02:00:00.000Z',
      submittedAt: '2025-03-02T02:00:00.000Z',
      archivedAt: null,
      transitions: [
        {
          action: 'reject',
          from: 'submitted',
          to: 'draft',
          actor: budi,
          comment: 'Lengkapi ringkasan',
          at: '2025-03-03T02:00:00.000Z',
        },
      ],
      attachments: [],
      proposedRevision: null,
    });
    expect(Array.isArray(dto.missing)).toBe(true);
  });
});
