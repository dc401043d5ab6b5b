import { Body, Controller, Delete, Get, HttpCode, Module, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiCookieAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type AppRequest, type Principal } from '../common/access.js';
import {
  CreateWebhookDto,
  DeliveriesQuery,
  DeliveryParams,
  UpdateWebhookDto,
  WebhookDeliveryDetailView,
  WebhookDeliveryView,
  WebhookIdParam,
  WebhookView,
  WebhookWithSecretView,
} from './dto.js';
import { WebhooksService } from './webhooks.service.js';

/** Endpoints that receive signed POSTs when a fact-check is published, corrected or retracted. */
@ApiTags('webhooks')
@ApiCookieAuth()
@ApiBearerAuth()
@Roles('admin')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get()
  @ApiOperation({ summary: 'List webhooks (without their secrets), with delivery counts' })
  @ApiOkResponse({ type: [WebhookView] })
  list() {
    return this.webhooks.list();
  }

  @Post()
  @ApiOperation({ summary: 'Register an endpoint; the signing secret is generated and shown once' })
  @ApiCreatedResponse({ type: WebhookWithSecretView })
  @ApiBadRequestResponse({ description: 'Invalid fields, or a URL on a refused (private, loopback, link-local, metadata) address' })
  create(@Body() body: CreateWebhookDto, @CurrentPrincipal() me: Principal, @Req() req: AppRequest) {
    return this.webhooks.create(body, me.user.id, req.id);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A webhook (without its secret)' })
  @ApiOkResponse({ type: WebhookView })
  get(@Param() { id }: WebhookIdParam) {
    return this.webhooks.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change the URL, description or events, or enable/disable it (disabled webhooks get no deliveries)' })
  @ApiOkResponse({ type: WebhookView })
  update(@Param() { id }: WebhookIdParam, @Body() body: UpdateWebhookDto, @CurrentPrincipal() me: Principal, @Req() req: AppRequest) {
    return this.webhooks.update(id, body, me.user.id, req.id);
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @ApiOperation({ summary: 'Replace the signing secret; the new one is shown once' })
  @ApiOkResponse({ type: WebhookWithSecretView })
  rotate(@Param() { id }: WebhookIdParam, @CurrentPrincipal() me: Principal, @Req() req: AppRequest) {
    return this.webhooks.rotateSecret(id, me.user.id, req.id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a webhook and its delivery log' })
  @ApiNoContentResponse()
  remove(@Param() { id }: WebhookIdParam, @CurrentPrincipal() me: Principal, @Req() req: AppRequest) {
    return this.webhooks.remove(id, me.user.id, req.id);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'The delivery log, newest first: every attempt with its status, response excerpt, error and duration' })
  @ApiOkResponse({ type: [WebhookDeliveryView] })
  deliveries(@Param() { id }: WebhookIdParam, @Query() query: DeliveriesQuery) {
    return this.webhooks.deliveries(id, query);
  }

  @Get(':id/deliveries/:deliveryId')
  @ApiOperation({ summary: 'One delivery with the exact body sent' })
  @ApiOkResponse({ type: WebhookDeliveryDetailView })
  delivery(@Param() { id, deliveryId }: DeliveryParams) {
    return this.webhooks.delivery(id, deliveryId);
  }
}

@Module({ controllers: [WebhooksController], providers: [WebhooksService] })
export class WebhooksModule {}
