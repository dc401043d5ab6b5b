import { Module } from '@nestjs/common';
import { WorkflowService } from './workflow.service.js';

/** A claim's moves through its states; the routes that make them are in `claims/`. */
@Module({ providers: [WorkflowService], exports: [WorkflowService] })
export class WorkflowModule {}
