import { Global, Module } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { BlobStorage } from './blob-storage';
import { createBlobStorage } from './s3-storage';

@Global()
@Module({
  providers: [
    {
      provide: BlobStorage,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createBlobStorage(config),
    },
  ],
  exports: [BlobStorage],
})
export class StorageModule {}
