import { Body, Controller, Get, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, Staff, type AppRequest, type Principal } from '../common/access.js';
import { IdParam } from '../common/params.js';
import { CreateRatingDto, UpdateRatingDto } from './dto.js';
import { RatingsService } from './ratings.service.js';
import { Returns } from '../common/responses.js';

@ApiTags('ratings')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller('ratings')
export class RatingsController {
  constructor(private readonly ratings: RatingsService) {}

  @Get()
  @Returns.many('RatingDto')
  @Staff()
  @ApiOperation({ summary: 'The rating scale, in order' })
  list() {
    return this.ratings.list();
  }

  @Post()
  @Returns.one('RatingDto', { status: 201 })
  @Roles('admin')
  @ApiOperation({ summary: 'Add a rating to the scale' })
  create(@Body() body: CreateRatingDto, @CurrentPrincipal() me: Principal, @Req() req: AppRequest) {
    return this.ratings.create(body, me.user.id, req.id);
  }

  @Patch(':id')
  @Returns.one('RatingDto')
  @Roles('admin')
  @ApiOperation({ summary: 'Edit or retire a rating' })
  update(
    @Param() { id }: IdParam,
    @Body() body: UpdateRatingDto,
    @CurrentPrincipal() me: Principal,
    @Req() req: AppRequest,
  ) {
    return this.ratings.update(id, body, me.user.id, req.id);
  }
}
