/*
 * The scripts are not a workspace package, so `yarn test` does not see
 * their tests; `yarn bench:test` runs them with this config.
 */
module.exports = {
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.test.ts'],
  transform: {
    '\\.ts$': [
      require.resolve('@backstage/cli/config/jestSwcTransform.js'),
      {},
    ],
  },
};
