module.exports = {
  displayName: 'dispatch-board',
  // The board shares .tsx modules with other pages (@polyplus/web-ui).
  preset: '../../libs/web-ui/jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/server/**/*.spec.ts', '<rootDir>/server/**/*.integration-spec.ts'],
};
