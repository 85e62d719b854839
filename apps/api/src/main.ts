import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { applyServerTimeouts, ConfigError, loadConfig } from '@lumbung/platform';
import { AppModule } from './app.module';
import { configureApp } from './setup';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    bodyParser: false,
  });
  configureApp(app, config);
  applyServerTimeouts(app.getHttpServer(), config.http);
  await app.listen(config.http.port, config.http.host);
}

bootstrap().catch((error: unknown) => {
  // The logger may not exist yet (bad config): write one structured line to stderr.
  const message = error instanceof ConfigError ? error.message : String(error);
  process.stderr.write(
    `${JSON.stringify({ level: 'fatal', msg: 'api failed to start', error: message })}\n`,
  );
  process.exit(1);
});
