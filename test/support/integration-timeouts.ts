import { jest } from '@jest/globals';

// Closing an app waits for each Kafka consumer's fetch in flight (up to 5 s per group), so Jest's
// 5 s default is too short for the hooks that close one. A hang guard, not a measurement.
// (`testTimeout` in a project of jest.config.js is ignored: it is a global-only option.)
jest.setTimeout(30_000);
