import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { WEBHOOK_EVENTS, type WebhookEvent } from '@factdesk/publishing';
import {
  WEBHOOK_DELIVERY_STATES,
  type WebhookAttemptDto,
  type WebhookDeliveryDetailDto,
  type WebhookDeliveryDto,
  type WebhookDeliveryState,
  type WebhookDto,
  type WebhookWithSecretDto,
} from '@factdesk/domain';
import type { WebhookAttempt } from '@factdesk/persistence';
import { trim } from '../common/transforms.js';
import { IsIsoDate } from '../common/dates.js';

export class CreateWebhookDto {
  @ApiProperty({
    example: 'https://partner.example.org/factdesk-hook',
    description: 'http(s); must resolve to public addresses',
  })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(2048)
  url: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  description?: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  enabled?: boolean;

  @ApiPropertyOptional({
    enum: WEBHOOK_EVENTS,
    isArray: true,
    description: 'Events it receives; all of them when left out',
  })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty({ message: 'must name at least one event' })
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENTS, { each: true, message: `must each be one of ${WEBHOOK_EVENTS.join(', ')}` })
  events?: WebhookEvent[];
}

/** Any of the registration's fields; the URL is checked again as on registration. */
export class UpdateWebhookDto extends PartialType(CreateWebhookDto) {}

export class WebhookIdParam {
  @IsUUID('all', { message: 'must be an id (UUID)' })
  id: string;
}

export class DeliveryParams extends WebhookIdParam {
  @IsUUID('all', { message: 'must be an id (UUID)' })
  deliveryId: string;
}

export class DeliveriesQuery {
  @ApiPropertyOptional({ enum: WEBHOOK_DELIVERY_STATES })
  @IsOptional()
  @IsIn(WEBHOOK_DELIVERY_STATES, { message: 'must be pending, succeeded, failed or cancelled' })
  state?: WebhookDeliveryState;

  @ApiPropertyOptional({
    format: 'date-time',
    description: "Deliveries created before this time (the previous page's last createdAt)",
  })
  @IsOptional()
  @IsIsoDate('date-time')
  before?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(200)
  limit?: number;
}

export class WebhookView implements WebhookDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() url: string;
  @ApiProperty() description: string;
  @ApiProperty() enabled: boolean;
  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true }) events: string[];
  @ApiProperty({ format: 'uuid' }) createdById: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ description: 'Deliveries by state', example: { pending: 0, succeeded: 12, failed: 1, cancelled: 0 } })
  deliveries: Record<WebhookDeliveryState, number>;
}

export class WebhookWithSecretView extends WebhookView implements WebhookWithSecretDto {
  @ApiProperty({ description: 'The Standard Webhooks signing secret, shown only in this response', example: 'whsec_…' })
  secret: string;
}

export class WebhookAttemptView implements WebhookAttempt, WebhookAttemptDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ nullable: true, type: Number, description: 'HTTP status, null when no answer came' }) status:
    number | null;
  @ApiProperty({ nullable: true, type: String }) error: string | null;
  @ApiProperty() durationMs: number;
  @ApiProperty({ nullable: true, type: String, description: 'The start of the response body' }) response: string | null;
}

export class WebhookDeliveryView implements WebhookDeliveryDto {
  @ApiProperty({ format: 'uuid', description: 'Also the webhook-id header' }) id: string;
  @ApiProperty({ enum: WEBHOOK_EVENTS }) event: string;
  @ApiProperty({ format: 'uuid' }) factCheckId: string;
  @ApiProperty({ enum: WEBHOOK_DELIVERY_STATES }) state: WebhookDeliveryState;
  @ApiProperty({ type: [WebhookAttemptView], description: 'Oldest first' }) attempts: WebhookAttemptView[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) completedAt: string | null;
}

export class WebhookDeliveryDetailView extends WebhookDeliveryView implements WebhookDeliveryDetailDto {
  @ApiProperty({ description: 'The exact JSON body sent on every attempt' }) payload: string;
}
