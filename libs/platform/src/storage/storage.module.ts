import { Global, Module } from '@nestjs/common';
import { BlobStorage, LocalDiskStorage } from './blob-storage';

@Global()
@Module({
  providers: [{ provide: BlobStorage, useClass: LocalDiskStorage }],
  exports: [BlobStorage],
})
export class StorageModule {}
