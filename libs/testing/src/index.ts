export * from './databases.js';
export * from './redis.js';
export * from './environment.js';
export * from './apps.js';
export * from './eventually.js';
export * from './factories.js';
export * from './hostile-files.js';
