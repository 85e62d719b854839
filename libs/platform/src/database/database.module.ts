import { Module, OnApplicationBootstrap, Inject, Logger } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { dataSourceOptions, hasPendingMigrations } from './data-source';

/**
 * The PostgreSQL connection. Entities come from each context's TypeOrmModule.forFeature.
 * With migrations switched off (production), start is refused while any migration is pending.
 */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config.database.url, [], config.database.pool),
        autoLoadEntities: true,
        migrationsRun: config.database.runMigrations,
        migrationsTransactionMode: 'all',
        retryAttempts: 3,
        retryDelay: 1000,
      }),
    }),
  ],
})
export class DatabaseModule implements OnApplicationBootstrap {
  private readonly logger = new Logger('Database');

  constructor(
    private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.database.runMigrations && (await hasPendingMigrations(this.ds))) {
      this.logger.error('database has pending migrations; run the migrate command first');
      throw new Error('Pending database migrations: run `node dist/apps/cli/src/main.js migrate`');
    }
  }
}
