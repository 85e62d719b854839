import type { AttachmentRow } from '../attachments/attachment.presenter';
import { visibleAttachmentsSql } from '../attachments/attachment-view.service';
import { type RevisionRow, revisionJson } from './revision-row';

/**
 * Everything around an asset `a` that its detail response needs, as one JSON expression: its
 * transitions, the files the reader (`:detailReader`, may be null) may see, its latest proposal
 * (a pending or rejected revision newer than the published one; the presenter shows it only to
 * authors and verifiers), the people named (authors, narasumber, verifier, transition actors,
 * the proposal's author and reviewer) and its OPD code. Selected with the asset
 * itself, a read is one round trip.
 */
export const DETAIL_EXTRAS_SQL = `json_build_object(
  'transitions', (SELECT coalesce(json_agg(json_build_object('action', t.action, 'fromStatus', t.from_status,
                    'toStatus', t.to_status, 'actorId', t.actor_id, 'comment', t.comment, 'at', t.at)
                    ORDER BY t.id), '[]')
                    FROM asset_transitions t WHERE t.asset_id = a.id),
  'attachments', (SELECT coalesce(json_agg(f ORDER BY f."createdAt", f.id), '[]')
                    FROM (${visibleAttachmentsSql('a.id', ':detailReader::uuid')}) f),
  'proposed', (SELECT ${revisionJson('r')} FROM asset_revisions r
                 WHERE r.asset_id = a.id AND r.status <> 'published' AND r.n > a.revision
                 ORDER BY r.n DESC LIMIT 1),
  'people', (SELECT coalesce(json_object_agg(u.id, json_build_object('name', u.name, 'opdCode', o.code)), '{}')
               FROM identity_people u JOIN identity_opds o ON o.id = u.opd_id
              WHERE u.id = ANY(a.author_ids || ARRAY[a.narasumber_id, a.verified_by]
                               || ARRAY(SELECT actor_id FROM asset_transitions WHERE asset_id = a.id)
                               || ARRAY(SELECT x FROM asset_revisions r,
                                          unnest(ARRAY[r.created_by, r.reviewed_by, r.narasumber_id]) x
                                         WHERE r.asset_id = a.id AND r.status <> 'published'
                                           AND r.n > a.revision))),
  'opdCode', (SELECT code FROM identity_opds WHERE id = a.opd_id))`;

export interface DetailExtras {
  transitions: {
    action: string;
    fromStatus: string | null;
    toStatus: string;
    actorId: string;
    comment: string | null;
    at: string;
  }[];
  attachments: AttachmentRow[];
  /** JSON of a revision row: dates as strings. */
  proposed:
    | (Omit<RevisionRow, 'createdAt' | 'updatedAt' | 'reviewedAt'> & {
        createdAt: string;
        updatedAt: string;
        reviewedAt: string | null;
      })
    | null;
  people: Record<string, { name: string; opdCode: string }>;
  opdCode: string | null;
}
