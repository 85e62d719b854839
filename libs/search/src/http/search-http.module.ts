import { Module } from '@nestjs/common';
import { IdentityModule } from '@lumbung/identity';
import { SearchAdminController } from './search-admin.controller';
import { SearchAdminService } from './search-admin.service';

/** Search administration routes: insights and synonym sets. */
@Module({
  imports: [IdentityModule],
  controllers: [SearchAdminController],
  providers: [SearchAdminService],
})
export class SearchHttpModule {}
