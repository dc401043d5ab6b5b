import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { preset } from '../jest.preset.mjs';

// Whole-system tests: built processes and a real browser. They run one file at a time.
export default preset(dirname(fileURLToPath(import.meta.url)), { testTimeout: 60_000 });
