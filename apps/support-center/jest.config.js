module.exports = {
  displayName: 'support-center',
  preset: '../../libs/web-ui/jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/server/**/*.spec.ts', '<rootDir>/server/**/*.integration-spec.ts'],
};
