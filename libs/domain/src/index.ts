export * from './roles.js';
export * from './claims.js';
export * from './documents.js';
export * from './editorial.js';
export * from './rating-scale.js';
export * from './api.js';
