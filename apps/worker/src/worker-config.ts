import { Inject } from '@nestjs/common';

/** Injection token for the worker's validated AppConfig. */
export const WORKER_CONFIG = Symbol('WORKER_CONFIG');
export const InjectWorkerConfig = () => Inject(WORKER_CONFIG);
