import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type AppRequest, type Principal } from '../common/access.js';
import { CreateWebhookDto, DeliveriesQuery, DeliveryParams, UpdateWebhookDto, WebhookIdParam } from './dto.js';
import { WebhooksService } from './webhooks.service.js';
import { Returns } from '../common/responses.js';

/** Endpoints that receive signed POSTs when a fact-check is published, corrected or retracted. */
@ApiTags('webhooks')
@ApiCookieAuth()
@ApiBearerAuth()
@Roles('admin')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get()
  @Returns.many('WebhookDto')
  @ApiOperation({ summary: 'List webhooks (without their secrets), with delivery counts' })
  list() {
    return this.webhooks.list();
  }

  @Post()
  @Returns.one('WebhookWithSecretDto', { status: 201 })
  @ApiOperation({ summary: 'Register an endpoint; the signing secret is generated and shown once' })
  @ApiBadRequestResponse({
    description: 'Invalid fields, or a URL on a refused (private, loopback, link-local, metadata) address',
  })
  create(@Body() body: CreateWebhookDto, @CurrentPrincipal() me: Principal, @Req() req: AppRequest) {
    return this.webhooks.create(body, me.user.id, req.id);
  }

  @Get(':id')
  @Returns.one('WebhookDto')
  @ApiOperation({ summary: 'A webhook (without its secret)' })
  get(@Param() { id }: WebhookIdParam) {
    return this.webhooks.get(id);
  }

  @Patch(':id')
  @Returns.one('WebhookDto')
  @ApiOperation({
    summary: 'Change the URL, description or events, or enable/disable it (disabled webhooks get no deliveries)',
  })
  update(
    @Param() { id }: WebhookIdParam,
    @Body() body: UpdateWebhookDto,
    @CurrentPrincipal() me: Principal,
    @Req() req: AppRequest,
  ) {
    return this.webhooks.update(id, body, me.user.id, req.id);
  }

  @Post(':id/rotate-secret')
  @Returns.one('WebhookWithSecretDto')
  @HttpCode(200)
  @ApiOperation({ summary: 'Replace the signing secret; the new one is shown once' })
  rotate(@Param() { id }: WebhookIdParam, @CurrentPrincipal() me: Principal, @Req() req: AppRequest) {
    return this.webhooks.rotateSecret(id, me.user.id, req.id);
  }

  @Delete(':id')
  @Returns.nothing()
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a webhook and its delivery log' })
  remove(@Param() { id }: WebhookIdParam, @CurrentPrincipal() me: Principal, @Req() req: AppRequest) {
    return this.webhooks.remove(id, me.user.id, req.id);
  }

  @Get(':id/deliveries')
  @Returns.many('WebhookDeliveryDto')
  @ApiOperation({
    summary: 'The delivery log, newest first: every attempt with its status, response excerpt, error and duration',
  })
  deliveries(@Param() { id }: WebhookIdParam, @Query() query: DeliveriesQuery) {
    return this.webhooks.deliveries(id, query);
  }

  @Get(':id/deliveries/:deliveryId')
  @Returns.one('WebhookDeliveryDetailDto')
  @ApiOperation({ summary: 'One delivery with the exact body sent' })
  delivery(@Param() { id, deliveryId }: DeliveryParams) {
    return this.webhooks.delivery(id, deliveryId);
  }
}
