import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsIsoDate } from '../common/dates.js';

export class TodayQuery {
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Claims detected since (default: 24 hours ago), e.g. your last visit',
  })
  @IsOptional()
  @IsIsoDate('date-time')
  since?: string;
}
