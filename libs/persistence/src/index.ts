export * from './entities/index.js';
export * from './data-source.js';
export * from './database-admin.js';
export * from './naming-strategy.js';
export * from './speakers.js';
export * from './repositories/index.js';
