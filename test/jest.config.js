module.exports = {
  displayName: 'e2e',
  preset: '../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.e2e-spec.ts'],
  // Each test drives a stack of real processes through the gateway.
  testTimeout: 120_000,
};
