// The scheduler commits plans in the same tables, so the list lives in the lib both share.
export { DISPATCH_ENTITIES, DISPATCH_MIGRATIONS } from '@polyplus/dispatch-data';
