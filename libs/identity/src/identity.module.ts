import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@lumbung/platform';
import { AuthService } from './auth/auth.service';
import { LoginThrottleService } from './auth/login-throttle.service';
import { OidcClient } from './auth/oidc/oidc-client';
import { OidcSignInService } from './auth/oidc/oidc-sign-in.service';
import { SsoAccounts } from './auth/oidc/sso-accounts';
import { PasswordResetService } from './auth/password-reset.service';
import { SessionEntity } from './auth/session.entity';
import { TokenService } from './auth/token.service';
import { PrincipalLoader } from './authz/principal.loader';
import { OpdEntity } from './opds/opd.entity';
import { OpdsService } from './opds/opds.service';
import { UserImportService } from './users/import/user-import.service';
import { SessionUserService } from './users/session-user.service';
import { UserRoleEntity } from './users/user-role.entity';
import { UserEntity } from './users/user.entity';
import { UsersRepository } from './users/users.repository';
import { UsersService } from './users/users.service';
import { UserDirectory } from './users/user-directory.service';
import { PeopleFinder } from './users/people-finder';
import { PersonnelDirectory } from './users/personnel.directory';
import { RecipientDirectory } from './users/recipient.directory';
import { CopLeadRoles } from './users/cop-lead-roles';

/** Users, OPD directory, roles and authentication (no HTTP). */
@Module({
  imports: [
    TypeOrmModule.forFeature([OpdEntity, UserEntity, UserRoleEntity, SessionEntity]),
    // The signing key as a KeyObject made once: given a string, jsonwebtoken tries (and fails)
    // to parse it as a PEM public key on every verify, which cost a third of an API request.
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: createSecretKey(Buffer.from(config.auth.jwtSecret, 'utf8')),
      }),
    }),
  ],
  providers: [
    AuthService,
    LoginThrottleService,
    OidcClient,
    OidcSignInService,
    SsoAccounts,
    PasswordResetService,
    TokenService,
    PrincipalLoader,
    OpdsService,
    UsersRepository,
    UsersService,
    UserImportService,
    SessionUserService,
    UserDirectory,
    PeopleFinder,
    PersonnelDirectory,
    RecipientDirectory,
    CopLeadRoles,
  ],
  exports: [
    OpdsService,
    UsersService,
    UserDirectory,
    PeopleFinder,
    PersonnelDirectory,
    TokenService,
    PrincipalLoader,
    AuthService,
    OidcClient,
    OidcSignInService,
    PasswordResetService,
    UserImportService,
    RecipientDirectory,
    CopLeadRoles,
  ],
})
export class IdentityModule {}
