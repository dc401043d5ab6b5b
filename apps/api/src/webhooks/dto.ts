import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayNotEmpty, ArrayUnique, IsArray, IsBoolean, IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { WEBHOOK_EVENTS, type WebhookEvent } from '@factdesk/publishing';
import type { WebhookAttempt } from '@factdesk/persistence';
import { trim } from '../common/transforms.js';

export class CreateWebhookDto {
  @ApiProperty({ example: 'https://partner.example.org/factdesk-hook', description: 'http(s); must resolve to public addresses' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'is required' })
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

  @ApiPropertyOptional({ enum: WEBHOOK_EVENTS, isArray: true, description: 'Events it receives; all of them when left out' })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty({ message: 'must name at least one event' })
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENTS, { each: true, message: `must each be one of ${WEBHOOK_EVENTS.join(', ')}` })
  events?: WebhookEvent[];
}

export class UpdateWebhookDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(2048)
  url?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  description?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  enabled?: boolean;

  @ApiPropertyOptional({ enum: WEBHOOK_EVENTS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty({ message: 'must name at least one event' })
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENTS, { each: true, message: `must each be one of ${WEBHOOK_EVENTS.join(', ')}` })
  events?: WebhookEvent[];
}

export class WebhookIdParam {
  @IsUUID('all', { message: 'must be an id (UUID)' })
  id: string;
}

export class DeliveryParams extends WebhookIdParam {
  @IsUUID('all', { message: 'must be an id (UUID)' })
  deliveryId: string;
}

export class DeliveriesQuery {
  @ApiPropertyOptional({ enum: ['pending', 'succeeded', 'failed', 'cancelled'] })
  @IsOptional()
  @IsIn(['pending', 'succeeded', 'failed', 'cancelled'], { message: 'must be pending, succeeded, failed or cancelled' })
  state?: 'pending' | 'succeeded' | 'failed' | 'cancelled';

  @ApiPropertyOptional({ format: 'date-time', description: 'Deliveries created before this time (the previous page\'s last createdAt)' })
  @IsOptional()
  @IsDateString({}, { message: 'must be an ISO 8601 date-time' })
  before?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(200)
  limit?: number;
}

export class WebhookView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() url: string;
  @ApiProperty() description: string;
  @ApiProperty() enabled: boolean;
  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true }) events: string[];
  @ApiProperty({ format: 'uuid' }) createdById: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ description: 'Deliveries by state', example: { pending: 0, succeeded: 12, failed: 1, cancelled: 0 } })
  deliveries: Record<'pending' | 'succeeded' | 'failed' | 'cancelled', number>;
}

export class WebhookWithSecretView extends WebhookView {
  @ApiProperty({ description: 'The Standard Webhooks signing secret, shown only in this response', example: 'whsec_…' }) secret: string;
}

export class WebhookAttemptView implements WebhookAttempt {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ nullable: true, type: Number, description: 'HTTP status, null when no answer came' }) status: number | null;
  @ApiProperty({ nullable: true, type: String }) error: string | null;
  @ApiProperty() durationMs: number;
  @ApiProperty({ nullable: true, type: String, description: 'The start of the response body' }) response: string | null;
}

export class WebhookDeliveryView {
  @ApiProperty({ format: 'uuid', description: 'Also the webhook-id header' }) id: string;
  @ApiProperty({ enum: WEBHOOK_EVENTS }) event: string;
  @ApiProperty({ format: 'uuid' }) factCheckId: string;
  @ApiProperty({ enum: ['pending', 'succeeded', 'failed', 'cancelled'] }) state: string;
  @ApiProperty({ type: [WebhookAttemptView], description: 'Oldest first' }) attempts: WebhookAttemptView[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) completedAt: string | null;
}

export class WebhookDeliveryDetailView extends WebhookDeliveryView {
  @ApiProperty({ description: 'The exact JSON body sent on every attempt' }) payload: string;
}
