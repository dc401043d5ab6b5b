import { Body, ConflictException, Controller, Get, Injectable, Module, NotFoundException, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags, OmitType, PartialType } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import type { DataSource } from 'typeorm';
import type { RatingDto } from '@factdesk/domain';
import { RatingEntity } from '@factdesk/persistence';
import { AuditService } from '../audit/audit.service.js';
import { CurrentPrincipal, Roles, Staff, type AppRequest, type Principal } from '../common/access.js';
import { toRatingDto } from '../editorial/views.js';
import { given } from '../common/objects.js';
import { IdParam } from '../users/dto.js';
import { trim } from '../common/transforms.js';

/** The fields of a rating other than its slug and label (required on creation, optional on edit). */
class RatingDetailsDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string;

  @ApiPropertyOptional({ nullable: true, description: 'ClaimReview ratingValue; null for ratings off the ordinal scale' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(-100)
  @Max(100)
  value?: number | null;

  @ApiPropertyOptional({ example: '#cf222e' })
  @IsOptional()
  @Matches(/^#[0-9a-fA-F]{6}$/, { message: 'must be a colour like #cf222e' })
  colour?: string;

  @ApiPropertyOptional({ description: 'Order on the scale' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  position?: number;

  @ApiPropertyOptional({ description: 'Retired ratings stay on published fact-checks but cannot be chosen' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

class CreateRatingDto extends RatingDetailsDto {
  @ApiProperty({ example: 'needs-context' })
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'must be lower-case words joined by dashes' })
  @MaxLength(64)
  slug: string;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(100)
  label: string;
}

class UpdateRatingDto extends PartialType(OmitType(CreateRatingDto, ['slug'] as const)) {}

@Injectable()
export class RatingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<RatingDto[]> {
    return (await this.db.getRepository(RatingEntity).find({ order: { position: 'ASC' } })).map(toRatingDto);
  }

  async create(input: CreateRatingDto, actorId: string, requestId: string): Promise<RatingDto> {
    const repo = this.db.getRepository(RatingEntity);
    if (await repo.existsBy({ slug: input.slug })) throw new ConflictException(`A rating with the slug ${input.slug} exists.`);
    const position = input.position ?? ((await repo.maximum('position')) ?? -1) + 1;
    const rating = await repo.save(repo.create({ description: '', colour: '#6e7781', value: null, ...given(input), position }));
    await this.audit.record({ actorId, action: 'rating.create', entityType: 'rating', entityId: rating.id, after: { ...toRatingDto(rating) }, requestId });
    return toRatingDto(rating);
  }

  async update(id: string, input: UpdateRatingDto, actorId: string, requestId: string): Promise<RatingDto> {
    const repo = this.db.getRepository(RatingEntity);
    const rating = await repo.findOneBy({ id });
    if (!rating) throw new NotFoundException('No such rating.');
    const before = toRatingDto(rating);
    Object.assign(rating, given(input));
    await repo.save(rating);
    await this.audit.record({ actorId, action: 'rating.update', entityType: 'rating', entityId: id, before: { ...before }, after: { ...toRatingDto(rating) }, requestId });
    return toRatingDto(rating);
  }
}

@ApiTags('ratings')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller('ratings')
export class RatingsController {
  constructor(private readonly ratings: RatingsService) {}

  @Get()
  @Staff()
  @ApiOperation({ summary: 'The rating scale, in order' })
  list() {
    return this.ratings.list();
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add a rating to the scale' })
  create(@Body() body: CreateRatingDto, @CurrentPrincipal() me: Principal, @Req() req: AppRequest) {
    return this.ratings.create(body, me.user.id, req.id);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Edit or retire a rating' })
  update(@Param() { id }: IdParam, @Body() body: UpdateRatingDto, @CurrentPrincipal() me: Principal, @Req() req: AppRequest) {
    return this.ratings.update(id, body, me.user.id, req.id);
  }
}

@Module({ controllers: [RatingsController], providers: [RatingsService] })
export class RatingsModule {}
