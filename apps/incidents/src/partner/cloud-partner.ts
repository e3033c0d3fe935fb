import { registerEnumType } from 'type-graphql';

/** Approved Strategic Cloud Partners (ECPS). Extending the list is a schema change on purpose. */
export enum CloudPartner {
  MICROSOFT_TEAMS = 'MICROSOFT_TEAMS',
  ZOOM = 'ZOOM',
  GOOGLE_MEET = 'GOOGLE_MEET',
  WEBEX = 'WEBEX',
  RINGCENTRAL = 'RINGCENTRAL',
}

registerEnumType(CloudPartner, { name: 'CloudPartner' });
