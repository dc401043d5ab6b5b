import { Module } from '@nestjs/common';
import { WebhookDeliveryProcessor } from './webhook-delivery.processor.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';

/** Webhook deliveries: the outbox dispatcher and the delivery processor (the API manages the endpoints). */
@Module({
  providers: [WebhookDispatcher, WebhookDeliveryProcessor],
  exports: [WebhookDispatcher],
})
export class WebhooksModule {}
