import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { OpenAPIObject } from '@nestjs/swagger';
import { loadConfig } from '@lumbung/platform';
import { AppModule } from './app.module';
import { buildOpenApi } from './openapi';
import { API_PREFIX } from './setup';

/**
 * The API's OpenAPI document without a database or search engine: Nest's preview mode reads the
 * controllers' metadata and never instantiates a provider. Same document as /api/docs-json.
 */
export async function previewOpenApi(): Promise<OpenAPIObject> {
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
  try {
    return buildOpenApi(app);
  } finally {
    await app.close();
  }
}
