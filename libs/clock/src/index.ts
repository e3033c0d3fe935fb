export { systemClock, fixedClock, type Clock } from './clock';
export {
  SYSTEM_TIME,
  MAX_OFFSET_MINUTES,
  TestClockError,
  clockNow,
  stateFor,
  type TestClockChange,
  type TestClockMode,
  type TestClockState,
} from './test-clock-state';
export {
  createServiceClock,
  testClockAllowed,
  testClockKeys,
  type ServiceClock,
  type ServiceClockOptions,
  type TestClockChangeResult,
} from './service-clock';
export { configureTestClock, testClockConfigFromEnv, type TestClockConfig } from './configure-test-clock';
export { TEST_CLOCK_ROOT_FIELDS, TEST_CLOCK_TYPES, withoutTestClock } from './test-clock-schema';
