/**
 * Fresh values for every secret production refuses to default, for a stack started with
 * `NODE_ENV=production` on this machine (tests, benchmarks). The list is the services'
 * configuration schemas (libs/config): a secret production starts to require is declared there.
 */
export { productionSecrets } from '@polyplus/config';
