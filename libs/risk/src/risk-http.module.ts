import { Module } from '@nestjs/common';
import { PeopleController } from './expertise/people.controller';
import { RetentionPlansController } from './plans/retention-plans.controller';
import { RegisterController } from './register/register.controller';
import { RiskModule } from './risk.module';

/** HTTP routes of the knowledge-at-risk register and the expertise map. */
@Module({
  imports: [RiskModule],
  controllers: [RegisterController, RetentionPlansController, PeopleController],
})
export class RiskHttpModule {}
