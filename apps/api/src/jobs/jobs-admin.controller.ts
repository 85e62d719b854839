import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { Permission, RequirePermission } from '@lumbung/identity';
import { CommonErrors, JobsService, type JobView } from '@lumbung/platform';

export class ListJobsQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'running', 'done', 'dead'], default: 'dead' })
  @IsOptional()
  @IsIn(['pending', 'running', 'done', 'dead'])
  status: string = 'dead';

  @ApiPropertyOptional({ pattern: '^[a-z_]+\\.[a-z_]+$', example: 'search.asset' })
  @IsOptional()
  @Matches(/^[a-z_]+\.[a-z_]+$/)
  queue?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit: number = 50;
}

class JobDto {
  @ApiProperty({ pattern: '^\\d+$' }) id: string;
  @ApiProperty() queue: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'As the queue defines it',
  })
  payload: Record<string, unknown>;
  @ApiProperty({ enum: ['pending', 'running', 'done', 'dead'] }) status: string;
  @ApiProperty() attempts: number;
  @ApiProperty() maxAttempts: number;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) runAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: Date | null;
}

/** Background jobs for operators: dead jobs (attempts used up) can be seen and retried. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/jobs')
export class JobsAdminController {
  constructor(private readonly jobs: JobsService) {}

  @Get()
  @RequirePermission(Permission.JobsManage)
  @ApiOperation({ summary: 'Background jobs by status (default: dead), newest first' })
  @ApiOkResponse({ type: [JobDto] })
  list(@Query() q: ListJobsQueryDto): Promise<JobView[]> {
    return this.jobs.list(q.status, q.queue, q.limit);
  }

  @Post(':id/retry')
  @HttpCode(204)
  @RequirePermission(Permission.JobsManage)
  @ApiParam({ name: 'id', schema: { type: 'string', pattern: '^\\d{1,18}$' } })
  @ApiOperation({ summary: 'Retry a dead job now, with a fresh set of attempts' })
  async retry(@Param('id') id: string): Promise<void> {
    if (!/^\d{1,18}$/.test(id) || !(await this.jobs.retry(id))) throw CommonErrors.notFound();
  }
}
