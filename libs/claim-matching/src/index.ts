export * from './features.js';
export * from './matcher.js';
export * from './text.js';
export * from './train.js';
export * from './linking.js';
