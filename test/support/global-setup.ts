import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { prepareDatabase } from '../../apps/cli/src/local/database-setup';
import {
  type LocalMeili,
  type LocalPostgres,
  startMeili,
  startPostgres,
} from '../../apps/cli/src/local/local-services';

export const TEMPLATE_DB = 'lumbung_test_template';

declare global {
  var __lumbungServices: { pg?: LocalPostgres; meili?: LocalMeili } | undefined;
}

/**
 * Starts real PostgreSQL and Meilisearch once per run (embedded, unless DATABASE_URL / MEILI_HOST
 * name external servers) and builds a migrated template database each test file copies.
 */
export default async function globalSetup(): Promise<void> {
  const services: { pg?: LocalPostgres; meili?: LocalMeili } = {};
  globalThis.__lumbungServices = services;
  const root = mkdtempSync(join(tmpdir(), 'lumbung-test-'));
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach its data folder.
  chmodSync(root, 0o755);
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    services.pg = await startPostgres({
      dir: join(root, 'pg'),
      password: 'test',
      persistent: false,
    });
    adminUrl = services.pg.adminUrl;
  }
  if (!process.env.MEILI_HOST) {
    services.meili = await startMeili({
      dir: join(root, 'meili'),
      masterKey: 'test-master-key-0123456789',
    });
    process.env.MEILI_HOST = services.meili.host;
    process.env.MEILI_MASTER_KEY = services.meili.masterKey;
  }
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${TEMPLATE_DB}`;
  await prepareDatabase(templateUrl.toString(), { seed: false, password: '' });
  process.env.LUMBUNG_TEST_PG_ADMIN_URL = adminUrl;
  process.env.LUMBUNG_TEST_TEMPLATE_DB = TEMPLATE_DB;
}
