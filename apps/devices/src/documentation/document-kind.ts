import { registerEnumType } from 'type-graphql';

/** What a product document is. */
export enum DocumentKind {
  ADMIN_GUIDE = 'ADMIN_GUIDE',
  USER_GUIDE = 'USER_GUIDE',
  INSTALLATION_GUIDE = 'INSTALLATION_GUIDE',
  QUICK_START_GUIDE = 'QUICK_START_GUIDE',
  RELEASE_NOTES = 'RELEASE_NOTES',
  DATASHEET = 'DATASHEET',
}

registerEnumType(DocumentKind, {
  name: 'DocumentKind',
  description: 'Admin guide, user guide, installation guide, quick start guide, release notes or datasheet.',
});
