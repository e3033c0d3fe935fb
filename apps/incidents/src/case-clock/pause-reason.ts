import { registerEnumType } from 'type-graphql';

/** Why a case's resolution clock is paused: it waits on someone other than support. */
export enum PauseReason {
  WAITING_ON_CUSTOMER = 'WAITING_ON_CUSTOMER',
  WAITING_ON_PARTNER = 'WAITING_ON_PARTNER',
  WAITING_ON_PART = 'WAITING_ON_PART',
}

/** What opened a pause: support staff, an ECPS partner request, a replacement order, a reopened case. */
export enum PauseSource {
  STAFF = 'STAFF',
  PARTNER_REQUEST = 'PARTNER_REQUEST',
  REPLACEMENT_ORDER = 'REPLACEMENT_ORDER',
  REOPENED = 'REOPENED',
}

registerEnumType(PauseReason, { name: 'PauseReason', description: 'Why a resolution clock is paused.' });
registerEnumType(PauseSource, { name: 'PauseSource', description: 'What opened a pause of the resolution clock.' });
