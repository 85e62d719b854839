import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { type AppConfig, dataSourceOptions, JobRunner, loadConfig } from '@lumbung/platform';
import { AppModule } from '../../apps/api/src/app.module';
import { buildOpenApi } from '../../apps/api/src/openapi';
import { configureApp } from '../../apps/api/src/setup';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { AssetSearchJobs } from '@lumbung/search';
import { checkedAgent } from './openapi-check';

export const TEST_JWT_SECRET = 'test-jwt-secret-that-is-long-enough-0123456789';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh database copied from the migrated template (milliseconds, full isolation per file). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.LUMBUNG_TEST_PG_ADMIN_URL;
  const template = process.env.LUMBUNG_TEST_TEMPLATE_DB;
  if (!adminUrl || !template) throw new Error('test services are not running (global setup)');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export function testConfig(databaseUrl: string, env: Record<string, string> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    MEILI_HOST: process.env.MEILI_HOST,
    MEILI_MASTER_KEY: process.env.MEILI_MASTER_KEY,
    MEILI_INDEX_PREFIX: `t_${randomBytes(4).toString('hex')}`,
    JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    DB_RUN_MIGRATIONS: 'false',
    UPLOAD_DIR: mkdtempSync(join(tmpdir(), 'lumbung-uploads-')),
    WORKER_POLL_INTERVAL_MS: '0',
    USAGE_ROLLUP_INTERVAL_MS: '0',
    ...(process.env.LUMBUNG_TEST_POOL_MAX
      ? { DB_POOL_MAX: process.env.LUMBUNG_TEST_POOL_MAX }
      : {}),
    ...env,
  });
}

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  /** A direct connection for arranging data and asserting what was stored. */
  ds: DataSource;
  /** Requests to the app; every response is checked against the OpenAPI document it serves. */
  http(): TestAgent;
  /** Runs every due background job once through the real worker module (same database). */
  drainJobs(): Promise<void>;
  close(): Promise<void>;
}

/** The API's module with main.ts's global setup, initialised (not listening) on `config`. */
export async function startApi(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    bodyParser: false,
    abortOnError: false,
  });
  configureApp(app, config);
  await app.init();
  return app;
}

/** The real API (same module and global setup as main.ts) on a fresh database. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = testConfig(db.url, env);
  const app = await startApi(config);
  const ds = new DataSource(dataSourceOptions(db.url));
  await ds.initialize();
  let worker: INestApplicationContext | undefined;
  const server = app.getHttpServer() as Parameters<typeof request>[0];
  const agent = checkedAgent(
    () => request(server),
    () => buildOpenApi(app),
  );
  return {
    app,
    config,
    ds,
    http: agent,
    drainJobs: async () => {
      if (!worker) {
        worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
          logger: false,
        });
        // What the worker does at start (skipped when it does not poll by itself).
        await worker.get(AssetSearchJobs).applySettings();
      }
      await worker.get(JobRunner).drain();
    },
    close: async () => {
      await worker?.close();
      await app.close();
      await ds.destroy();
      await db.drop();
      rmSync(config.storage.uploadDir, { recursive: true, force: true });
    },
  };
}
