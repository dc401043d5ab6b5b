import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The web app's unit tests (`npx vitest run --root apps/web`, `npm test -w @factdesk/web`): pure helpers and
// hooks in jsdom. @factdesk/domain is read from its sources, so the tests need no build first.
export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      '@factdesk/domain': decodeURIComponent(new URL('../../libs/domain/src/index.ts', import.meta.url).pathname),
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/test/setup.ts'],
    css: false,
  },
});
