import { registerEnumType } from 'type-graphql';

/** Software root-cause outcomes a support engineer records (Incident Management). */
export enum RootCauseKind {
  KNOWN_ISSUE = 'KNOWN_ISSUE',
  NEW_ISSUE = 'NEW_ISSUE',
  FEATURE_REQUEST = 'FEATURE_REQUEST',
}

registerEnumType(RootCauseKind, {
  name: 'RootCauseKind',
  valuesConfig: {
    KNOWN_ISSUE: { description: 'Linked to a known software issue.' },
    NEW_ISSUE: { description: 'A new issue-tracker entry was opened.' },
    FEATURE_REQUEST: { description: 'A feature request was created.' },
  },
});
