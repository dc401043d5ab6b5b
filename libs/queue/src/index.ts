export * from './queues.js';
export * from './redis.js';
export * from './heartbeat.js';
export * from './events.js';
