import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth/auth.controller';
import { OidcController } from './auth/oidc/oidc.controller';
import { AuthGuard } from './authz/auth.guard';
import { IdentityModule } from './identity.module';
import { OpdsController } from './opds/opds.controller';
import { UsersController } from './users/users.controller';

/** HTTP routes of the identity context, and the global authentication/permission guard. */
@Module({
  imports: [IdentityModule],
  controllers: [AuthController, OidcController, OpdsController, UsersController],
  providers: [{ provide: APP_GUARD, useClass: AuthGuard }],
})
export class IdentityHttpModule {}
