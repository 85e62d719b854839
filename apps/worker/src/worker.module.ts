import { DynamicModule, Module } from '@nestjs/common';
import {
  AppConfig,
  ConfigModule,
  DatabaseModule,
  LoggingModule,
  PlatformModule,
} from '@lumbung/platform';
import { SearchModule } from '@lumbung/search';
import { HeartbeatService } from './heartbeat.service';

/** The background process: no HTTP. Search sync, extraction and rollups join it issue by issue. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config),
        DatabaseModule,
        PlatformModule,
        SearchModule,
      ],
      providers: [HeartbeatService],
    };
  }
}
