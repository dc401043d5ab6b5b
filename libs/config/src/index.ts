export * from './config.js';
export * from './startup.js';
export * from './logging.js';
