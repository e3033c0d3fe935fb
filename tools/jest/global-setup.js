// Each jest run (one per project under `npm test`) gets a marker that the databases and key prefixes
// its suites create carry (`test_<marker>_…`, see testRunMarker in libs/persistence); the global
// teardown sweeps them. Workers inherit it from this process's environment.
const { randomBytes } = require('node:crypto');

module.exports = async function globalSetup() {
  process.env.POLYPLUS_TEST_RUN = `r${randomBytes(3).toString('hex')}`;
};
