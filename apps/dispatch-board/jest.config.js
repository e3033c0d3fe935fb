module.exports = {
  displayName: 'dispatch-board',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/server/**/*.spec.ts', '<rootDir>/server/**/*.integration-spec.ts'],
};
