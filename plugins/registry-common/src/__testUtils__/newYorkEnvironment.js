// @ts-check
/**
 * A jest environment whose process runs in New York (UTC−5/−4), for tests
 * that prove dates are shown in Almaty wherever the browser or server is.
 * TZ is set on the real process (the test's own `process.env` is a copy) and
 * restored afterwards, so other test files in the same worker keep theirs.
 */
// jest (and its node environment) comes with @backstage/cli, a dev dependency.
const { TestEnvironment } = require(require.resolve('jest-environment-node', {
  paths: [require.resolve('@backstage/cli/package.json')],
}));

class NewYorkEnvironment extends TestEnvironment {
  /** @type {string | undefined} */
  previousTz;

  async setup() {
    this.previousTz = process.env.TZ;
    process.env.TZ = 'America/New_York';
    await super.setup();
  }

  async teardown() {
    if (this.previousTz === undefined) {
      delete process.env.TZ;
    } else {
      process.env.TZ = this.previousTz;
    }
    await super.teardown();
  }
}

module.exports = NewYorkEnvironment;
