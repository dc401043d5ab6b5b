export * from './extract.js';
export * from './sources.js';
