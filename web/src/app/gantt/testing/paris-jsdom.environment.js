// Jest test environment: jsdom, with the worker's clock set to Europe/Paris while the spec file runs.
// Used through a docblock by the Gantt specs (`@jest-environment ./src/app/gantt/testing/paris-jsdom.environment.js`)
// so the daylight-saving Sundays of France (last Sunday of March and of October) are really crossed.
// Node applies a change of process.env.TZ at once (to every context of the isolate); the previous
// zone is restored at teardown so the next spec file of the same worker is unaffected.
const { TestEnvironment } = require('jest-environment-jsdom');

class ParisJsdomEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.previousTimeZone = process.env.TZ;
    process.env.TZ = 'Europe/Paris';
  }

  async teardown() {
    if (this.previousTimeZone === undefined) delete process.env.TZ;
    else process.env.TZ = this.previousTimeZone;
    await super.teardown();
  }
}

module.exports = ParisJsdomEnvironment;
