import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { ClaimIdsDto } from '../claims/dto.js';
import { trim } from '../common/transforms.js';
import { IsIsoDate } from '../common/dates.js';

export class AssignDto {
  @ApiProperty({ format: 'uuid', description: 'Who will check the claim' })
  @IsUUID('all', { message: 'must be a user id' })
  assigneeId: string;

  @ApiPropertyOptional({ format: 'date-time', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsIsoDate('date-time')
  dueAt?: string | null;

  @ApiPropertyOptional({ description: 'A note for the assignee' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class BulkAssignDto extends IntersectionType(ClaimIdsDto, AssignDto) {}

export class UnassignDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class ListAssignmentsQuery {
  @ApiPropertyOptional({ description: 'A user id or `me`' })
  @IsOptional()
  @ValidateIf((o: ListAssignmentsQuery) => o.assignee !== 'me')
  @IsUUID('all', { message: 'must be a user id or me' })
  assignee?: string;

  @ApiPropertyOptional({ enum: ['active', 'all'], default: 'active' })
  @IsOptional()
  @IsIn(['active', 'all'], { message: 'must be active or all' })
  state?: 'active' | 'all';

  @ApiPropertyOptional({ enum: ['overdue', 'soon'] })
  @IsOptional()
  @IsIn(['overdue', 'soon'], { message: 'must be overdue or soon' })
  due?: 'overdue' | 'soon';
}
