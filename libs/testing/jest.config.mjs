import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { preset } from '../../jest.preset.mjs';

export default preset(dirname(fileURLToPath(import.meta.url)));
