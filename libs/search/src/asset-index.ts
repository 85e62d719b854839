import { Injectable, Logger } from '@nestjs/common';
import type { EnqueuedTaskPromise, Settings } from 'meilisearch';
import { SearchClient } from './search-client';
import { STOP_WORDS, synonymMap } from './search-vocabulary';

/** What one published asset looks like in the search index (nothing a reader may not see). */
export interface AssetSearchDocument {
  /** Asset uuid, or `meeting-<uuid>` for meeting minutes (their own hit kind). */
  id: string;
  kind: 'asset' | 'meeting';
  type: string;
  title: string;
  tags: string[];
  summary: string;
  sections: string;
  body: string;
  attachmentText: string;
  authorNames: string[];
  /** Author ids: the asset read rule lets authors read their own assets whatever the visibility. */
  authorIds: string[];
  /** Indonesian stems of the text that differ from its words (indonesian-stem.ts). */
  stems: string;
  opdId: string;
  opdCode: string;
  copId: string | null;
  visibility: string;
  /** Epoch milliseconds, for sorting and date filters. */
  publishedAt: number;
  updatedAt: number;
  /** `<shape>/<version>:<updatedAt ms>` (meetings: `<updatedAt ms>`), for the drift check. */
  stamp: string;
}

export const ASSETS_INDEX = 'assets';

/** Search ids of meeting documents. */
export const MEETING_DOC_PREFIX = 'meeting-';

/** Searchable in this order (the `attribute` ranking rule follows it). */
const SEARCHABLE: (keyof AssetSearchDocument)[] = [
  'title',
  'tags',
  'summary',
  'sections',
  'body',
  'attachmentText',
  'authorNames',
  'stems',
];

/** What a search hit carries (the rest of a document is only displayed for drift checks and crops). */
export const HIT_ATTRIBUTES = [
  'id',
  'kind',
  'type',
  'title',
  'summary',
  'tags',
  'opdCode',
  'publishedAt',
] as const;

export function assetIndexSettings(synonymSets: readonly (readonly string[])[]): Settings {
  return {
    searchableAttributes: SEARCHABLE,
    filterableAttributes: [
      'kind',
      'visibility',
      'opdId',
      'authorIds',
      'opdCode',
      'copId',
      'type',
      'tags',
      'publishedAt',
    ],
    sortableAttributes: ['publishedAt', 'updatedAt'],
    displayedAttributes: [...HIT_ATTRIBUTES, 'stamp', 'body', 'attachmentText', 'sections'],
    localizedAttributes: [{ attributePatterns: ['*'], locales: ['ind'] }],
    stopWords: [...STOP_WORDS],
    synonyms: synonymMap(synonymSets),
    rankingRules: ['words', 'typo', 'attribute', 'proximity', 'sort', 'exactness'],
    proximityPrecision: 'byAttribute',
    typoTolerance: { minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 }, disableOnNumbers: true },
    faceting: { maxValuesPerFacet: 100 },
    pagination: { maxTotalHits: 1000 },
  };
}

/** Per request to Meilisearch (which refuses payloads over 100 MB). */
export const MAX_DOCS_PER_REQUEST = 10_000;
export const MAX_REQUEST_BYTES = 80 * 1024 * 1024;

/** Waits for a Meilisearch task and fails loudly unless it succeeded. */
export async function settle(task: EnqueuedTaskPromise, what: string): Promise<void> {
  const done = await task.waitTask({ timeout: 120_000, interval: 50 });
  if (done.status !== 'succeeded') {
    throw new Error(`Meilisearch ${what} ${done.status}: ${done.error?.message ?? 'no detail'}`);
  }
}

/** The assets index: settings, upserts and deletes by stable id, stamps, atomic swap. */
@Injectable()
export class AssetIndex {
  private readonly logger = new Logger('AssetIndex');

  constructor(private readonly search: SearchClient) {}

  get uid(): string {
    return this.search.indexUid(ASSETS_INDEX);
  }

  /** Creates the index when missing and applies the settings, checking both tasks succeeded. */
  async ensure(synonymSets: readonly (readonly string[])[], uid = this.uid): Promise<void> {
    const exists = await this.search.client.getIndex(uid).then(
      () => true,
      () => false,
    );
    if (!exists)
      await settle(this.search.client.createIndex(uid, { primaryKey: 'id' }), 'createIndex');
    await settle(
      this.search.client.index(uid).updateSettings(assetIndexSettings(synonymSets)),
      'settings',
    );
    this.logger.log({ uid }, 'search index settings applied');
  }

  /** Upserts and waits until Meilisearch applied the documents (see {@link send}, {@link settleAll}). */
  async upsert(docs: AssetSearchDocument[], uid = this.uid): Promise<void> {
    await this.settleAll(await this.send(docs, uid));
  }

  /**
   * Sends documents in requests of at most 10,000 documents and ~80 MB (Meilisearch refuses
   * payloads over 100 MB), all before any is awaited so Meilisearch batches them into one
   * indexing run; resolves with their task uids once enqueued. NDJSON: each document is
   * serialised once (the size check needs it anyway) and Meilisearch reads it line by line.
   */
  async send(docs: AssetSearchDocument[], uid = this.uid): Promise<number[]> {
    if (docs.length === 0) return [];
    const bodies: string[] = [];
    let lines: string[] = [];
    let bytes = 0;
    for (const doc of docs) {
      const line = JSON.stringify(doc);
      const size = Buffer.byteLength(line) + 1;
      if (
        lines.length > 0 &&
        (lines.length >= MAX_DOCS_PER_REQUEST || bytes + size > MAX_REQUEST_BYTES)
      ) {
        bodies.push(lines.join('\n'));
        lines = [];
        bytes = 0;
      }
      lines.push(line);
      bytes += size;
    }
    bodies.push(lines.join('\n'));
    const index = this.search.client.index(uid);
    const enqueued = await Promise.all(
      bodies.map((b) =>
        index.addDocumentsFromString(b, 'application/x-ndjson', { primaryKey: 'id' }),
      ),
    );
    return enqueued.map((t) => t.taskUid);
  }

  /**
   * Waits for these tasks and fails loudly unless every one succeeded. One poll loop, on the
   * latest (an index's tasks run in order), rather than one per request; the others are then
   * finished and each read once.
   */
  async settleAll(taskUids: number[]): Promise<void> {
    if (taskUids.length === 0) return;
    const tasks = this.search.client.tasks;
    const wait = { timeout: 120_000, interval: 50 };
    await tasks.waitForTask(Math.max(...taskUids), wait);
    const bad = (await tasks.waitForTasks(taskUids, wait)).find((t) => t.status !== 'succeeded');
    if (bad) {
      throw new Error(
        `Meilisearch addDocuments ${bad.status}: ${bad.error?.message ?? 'no detail'}`,
      );
    }
  }

  async remove(ids: string[], uid = this.uid): Promise<void> {
    if (ids.length === 0) return;
    await settle(this.search.client.index(uid).deleteDocuments(ids), 'deleteDocuments');
  }

  /** id → stamp of every document in the index. */
  async stamps(uid = this.uid): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const index = this.search.client.index<AssetSearchDocument>(uid);
    for (let offset = 0; ; offset += 1000) {
      const page = await index.getDocuments({ fields: ['id', 'stamp'], limit: 1000, offset });
      for (const d of page.results as Pick<AssetSearchDocument, 'id' | 'stamp'>[])
        out.set(d.id, d.stamp);
      if (page.results.length < 1000) return out;
    }
  }

  /** Swaps a freshly built index in for the live one (search answers throughout), then drops the old. */
  async swapIn(freshUid: string): Promise<void> {
    await settle(
      this.search.client.swapIndexes([{ indexes: [this.uid, freshUid], rename: false }]),
      'swapIndexes',
    );
    await settle(this.search.client.deleteIndex(freshUid), 'deleteIndex');
  }
}
