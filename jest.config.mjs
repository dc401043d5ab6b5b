// Every unit and integration test; browser tests have their own config in e2e/.
export default {
  // A global option (projects cannot set it): integration tests start apps and wait on real services.
  testTimeout: 30_000,
  projects: [
    '<rootDir>/libs/*/jest.config.mjs',
    '<rootDir>/migrations/jest.config.mjs',
    '<rootDir>/apps/api/jest.config.mjs',
    '<rootDir>/apps/worker/jest.config.mjs',
  ],
};
