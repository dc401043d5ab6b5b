export * from './escape.js';
export * from './model.js';
export * from './http-cache.js';
export * from './markdown.js';
export * from './claim-review.js';
export * from './html.js';
export * from './feeds.js';
export * from './webhooks.js';
