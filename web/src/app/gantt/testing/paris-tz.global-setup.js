// Jest globalSetup: the whole web test run in Europe/Paris (the zone Jalons computes dates in).
// To enable, add to web/jest.config.cts:
//   globalSetup: '<rootDir>/src/app/gantt/testing/paris-tz.global-setup.js',
// It runs in Jest's main process before the workers start; they inherit the variable. The Gantt
// specs do not depend on it: they run in Paris anyway (paris-jsdom.environment.js).
module.exports = async () => {
  process.env.TZ = 'Europe/Paris';
};
