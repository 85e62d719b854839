import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig } from '@lumbung/platform';
import { AppModule } from './app.module';
import { API_PREFIX, buildOpenApi } from './setup';

/**
 * Prints the API's OpenAPI document (JSON) without a database or search engine: Nest's preview
 * mode reads the controllers' metadata and never instantiates a provider. The portal's typed client
 * is generated from it (npm run openapi; npm run check fails when it is out of date).
 */
async function main(): Promise<void> {
  // Placeholders only: preview mode opens no connection, but the config must validate.
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: 'postgres://openapi@127.0.0.1:1/openapi',
    MEILI_HOST: 'http://127.0.0.1:1',
    JWT_SECRET: 'openapi-document-only-not-a-secret-0000',
    LOG_LEVEL: 'silent',
  });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  app.setGlobalPrefix(API_PREFIX);
  const document = buildOpenApi(app);
  process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
  await app.close();
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
