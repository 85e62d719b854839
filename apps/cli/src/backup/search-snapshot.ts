import { mkdirSync, writeFileSync } from 'node:fs';
import type { AppConfig } from '@lumbung/platform';
import { ASSETS_INDEX } from '@lumbung/search';
import { type BackupPart, BackupError, hashFile, inside } from './manifest';

/** The assets index's uid, as SearchClient names it. */
export function assetsIndexUid(config: AppConfig): string {
  return `${config.search.indexPrefix}_${ASSETS_INDEX}`;
}

async function meili(
  config: AppConfig,
  method: string,
  path: string,
  body?: unknown,
): Promise<Response> {
  return fetch(new URL(path, config.search.host), {
    method,
    headers: {
      ...(config.search.apiKey ? { authorization: `Bearer ${config.search.apiKey}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(30_000),
  });
}

/** Saves the live index's settings (synonyms, ranking, filters); null when there is no index yet. */
export async function backupSearchSettings(
  config: AppConfig,
  dir: string,
): Promise<(BackupPart & { indexUid: string }) | null> {
  const uid = assetsIndexUid(config);
  const res = await meili(config, 'GET', `/indexes/${uid}/settings`);
  if (res.status === 404) return null;
  if (!res.ok) throw new BackupError(`Meilisearch answered ${res.status} for the index settings`);
  const file = 'search/settings.json';
  mkdirSync(inside(dir, 'search'), { recursive: true });
  writeFileSync(inside(dir, file), JSON.stringify(await res.json(), null, 1));
  return { file, indexUid: uid, ...(await hashFile(inside(dir, file))) };
}

/** The current settings of the assets index. */
export async function searchSettings(config: AppConfig): Promise<Record<string, unknown>> {
  const res = await meili(config, 'GET', `/indexes/${assetsIndexUid(config)}/settings`);
  if (!res.ok) throw new BackupError(`Meilisearch answered ${res.status} for the index settings`);
  return (await res.json()) as Record<string, unknown>;
}

/** Applies saved settings to the assets index and waits for Meilisearch to finish the task. */
export async function applySearchSettings(
  config: AppConfig,
  settings: Record<string, unknown>,
): Promise<void> {
  const res = await meili(config, 'PATCH', `/indexes/${assetsIndexUid(config)}/settings`, settings);
  if (!res.ok) throw new BackupError(`Meilisearch refused the settings (${res.status})`);
  const { taskUid } = (await res.json()) as { taskUid: number };
  for (let i = 0; i < 600; i++) {
    const task = (await (await meili(config, 'GET', `/tasks/${taskUid}`)).json()) as {
      status: string;
      error?: { message?: string };
    };
    if (task.status === 'succeeded') return;
    if (task.status === 'failed' || task.status === 'canceled')
      throw new BackupError(
        `Meilisearch settings task ${task.status}: ${task.error?.message ?? ''}`,
      );
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new BackupError('Meilisearch did not apply the settings within a minute');
}
