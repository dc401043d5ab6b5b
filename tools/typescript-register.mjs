// `node --import tools/typescript-register.mjs file.ts`: a process started from TypeScript sources (the
// extraction sandbox under Jest) loads them with typescript-hooks.mjs. Built code never uses this.
import { register } from 'node:module';

register('./typescript-hooks.mjs', import.meta.url);
