// Every unit and integration test; browser tests have their own config in e2e/.
export default {
  projects: ['<rootDir>/libs/*/jest.config.mjs', '<rootDir>/migrations/jest.config.mjs', '<rootDir>/apps/api/jest.config.mjs', '<rootDir>/apps/worker/jest.config.mjs'],
};
