export { until, waitFor, type UntilOptions } from './until';
