module.exports = {
  displayName: 'web-ui',
  preset: './jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
