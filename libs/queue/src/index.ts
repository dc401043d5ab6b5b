export * from './jobs.js';
export { checkRedis, createRedisClient, type RedisClient, type RedisRole } from './connection.js';
export * from './job-queue.js';
export * from './job-runner.js';
export * from './heartbeat.js';
export * from './events.js';
