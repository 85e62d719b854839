import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Notifier } from '@lumbung/notifications';

type Announced = { id: string; title: string; opdId: string; authorIds: string[] };

/**
 * What the review workflow tells people, through the notifications port, in the transaction of
 * the move. Recipients are only people who may open the asset: its authors, its OPD's verifiers
 * (who read every asset of their OPD), and a narasumber once the interview is published.
 */
@Injectable()
export class AssetAnnouncer {
  constructor(private readonly notifier: Notifier) {}

  /** A submission or a pending edit waits for the OPD's verifiers (never its own authors). */
  async waiting(tx: EntityManager, asset: Announced, occurrence: string, revision = false) {
    await this.notifier.notify(tx, {
      type: 'review_waiting',
      key: `review_waiting:${asset.id}:${occurrence}`,
      to: { verifiersOf: asset.opdId },
      except: asset.authorIds,
      link: `/tinjauan/${asset.id}`,
      params: { assetTitle: asset.title, ...(revision ? { revision: true } : {}) },
    });
  }

  /** The verifier approved or returned a submission or an edit: its authors hear why. */
  async decided(
    tx: EntityManager,
    asset: Announced,
    decision: 'approved' | 'rejected',
    actorId: string,
    comment: string | null | undefined,
    occurrence: string,
  ) {
    await this.notifier.notify(tx, {
      type: 'review_decided',
      key: `review_decided:${asset.id}:${occurrence}`,
      to: { userIds: asset.authorIds },
      except: [actorId],
      link: `/aset/${asset.id}`,
      params: {
        assetTitle: asset.title,
        decision,
        ...(comment?.trim() ? { comment: comment.trim() } : {}),
      },
    });
  }

  /** New co-authors (an author reads their own drafts, so from the start). */
  async coAuthorsNamed(tx: EntityManager, asset: Announced, userIds: string[], actorId: string) {
    if (userIds.length === 0) return;
    await this.notifier.notify(tx, {
      type: 'named_contributor',
      key: `named_contributor:${asset.id}:author`,
      to: { userIds },
      except: [actorId],
      link: `/aset/${asset.id}`,
      params: { assetTitle: asset.title, role: 'author' },
    });
  }

  /**
   * The narasumber of a published interview. A draft is not theirs to read, so nothing is said
   * before publication: the workflow calls this where the interview is published or changes.
   */
  async narasumberNamed(
    tx: EntityManager,
    asset: Announced & { status: string; narasumberId: string | null },
    actorId: string,
  ) {
    if (asset.status !== 'published' || !asset.narasumberId) return;
    await this.notifier.notify(tx, {
      type: 'named_contributor',
      key: `named_contributor:${asset.id}:narasumber`,
      to: { userIds: [asset.narasumberId] },
      except: [actorId],
      link: `/aset/${asset.id}`,
      params: { assetTitle: asset.title, role: 'narasumber' },
    });
  }
}
