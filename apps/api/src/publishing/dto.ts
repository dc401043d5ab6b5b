import { ApiProperty } from '@nestjs/swagger';
import type { PublicationScheduleInput } from '@factdesk/domain';
import { IsIsoDate } from '../common/dates.js';

export class ScheduleDto implements PublicationScheduleInput {
  @ApiProperty({
    format: 'date-time',
    description: 'When to publish: an RFC 3339 date-time with its offset, in the future and within 365 days',
    example: '2026-01-31T09:30:00Z',
  })
  @IsIsoDate('date-time')
  publishAt: string;
}
