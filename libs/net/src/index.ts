export * from './errors.js';
export * from './addresses.js';
export * from './safe-fetch.js';
