export * from './config.js';
export * from './startup.js';
