import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { QUEUE_NAMES } from '@factdesk/queue';
import { WebhookDeliveryProcessor } from './webhook-delivery.processor.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';

/** Webhook deliveries: the outbox dispatcher and the delivery processor (the API manages the endpoints). */
@Module({
  imports: [BullModule.registerQueue({ name: QUEUE_NAMES.webhookDelivery })],
  providers: [WebhookDispatcher, WebhookDeliveryProcessor],
  exports: [WebhookDispatcher],
})
export class WebhooksModule {}
