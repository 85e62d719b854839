import { Module } from '@nestjs/common';
import { IdentityModule } from '@lumbung/identity';
import { SearchAdminController } from './search-admin.controller';

/** Search administration routes: insights and synonym sets. */
@Module({ imports: [IdentityModule], controllers: [SearchAdminController] })
export class SearchHttpModule {}
