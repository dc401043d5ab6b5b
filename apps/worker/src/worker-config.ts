import { Inject } from '@nestjs/common';

/** Injection token for the worker's validated AppConfig. */
export const WORKER_CONFIG = Symbol('WORKER_CONFIG');
export const InjectWorkerConfig = () => Inject(WORKER_CONFIG);

/** Injection token for the worker's one Redis client of its own (heartbeats, events, source-host locks). */
export const WORKER_REDIS = Symbol('WORKER_REDIS');
export const InjectWorkerRedis = () => Inject(WORKER_REDIS);
