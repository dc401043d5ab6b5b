import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUrl, IsUUID, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { SPEAKER_KINDS, type SpeakerKind } from '@factdesk/domain';
import { CurrentPrincipal, Roles, Staff, type AppRequest, type Principal } from '../common/access.js';
import { IdParam } from '../users/dto.js';
import { SpeakersService } from './speakers.service.js';
import { trim } from '../common/transforms.js';

class ListSpeakersQuery {
  @ApiPropertyOptional({ description: 'Part of a name or alias' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

class UpdateSpeakerDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  name?: string;

  @ApiPropertyOptional({ enum: SPEAKER_KINDS })
  @IsOptional()
  @IsIn(SPEAKER_KINDS, { message: 'must be person or organisation' })
  kind?: SpeakerKind;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  aliases?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Authoritative pages (Wikipedia, Wikidata) for ClaimReview sameAs' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { each: true, message: 'must hold http(s) addresses' })
  sameAs?: string[];

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(2000)
  description?: string | null;
}

class MergeSpeakerDto {
  @ApiProperty({ format: 'uuid', description: 'The speaker to keep' })
  @IsUUID('all', { message: 'must be a speaker id' })
  intoId: string;
}

@ApiTags('speakers')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller('speakers')
export class SpeakersController {
  constructor(private readonly speakers: SpeakersService) {}

  @Get()
  @Staff()
  @ApiOperation({ summary: 'Speakers with their claim and fact-check counts' })
  list(@Query() query: ListSpeakersQuery) {
    return this.speakers.list(query.q, query.limit ?? 100);
  }

  @Patch(':id')
  @Roles('editor')
  @ApiOperation({ summary: "Edit a speaker's name, kind, aliases, sameAs links or description" })
  update(@Param() { id }: IdParam, @Body() body: UpdateSpeakerDto, @CurrentPrincipal() me: Principal, @Req() req: AppRequest) {
    return this.speakers.update(id, body, me.user.id, req.id);
  }

  @Post(':id/merge')
  @Roles('editor')
  @HttpCode(200)
  @ApiOperation({ summary: 'Merge this speaker into another: claims move, names become aliases' })
  merge(@Param() { id }: IdParam, @Body() body: MergeSpeakerDto, @CurrentPrincipal() me: Principal, @Req() req: AppRequest) {
    return this.speakers.merge(id, body.intoId, me.user.id, req.id);
  }
}
