import { getMetadataStorage } from 'type-graphql';
import { Incident } from './incident.entity';
import { INCIDENT_OWN_FIELDS, incidentEventState } from './incident-event-state';

describe('the case state every incident event carries', () => {
  it('names exactly the fields the Incident entity itself exposes in the API', () => {
    const declared = getMetadataStorage()
      .fields.filter((field) => field.target === Incident)
      .map((field) => field.name);
    expect([...INCIDENT_OWN_FIELDS].sort()).toEqual([...new Set(declared)].sort());
  });

  it('a status change records the new status, the changed fields and the version after it', () => {
    const incident = Object.assign(new Incident(), {
      id: 'c1',
      status: 'RESPONDED',
      respondedAt: new Date('2026-12-01T09:30:00.000Z'),
      version: 3,
      siteTimeZone: 'Europe/London',
    });
    const state = incidentEventState(incident, ['status', 'respondedAt', 'respondedBy', 'siteTimeZone']);
    expect(state).toMatchObject({
      version: 3,
      changed: ['status', 'respondedAt', 'respondedBy'],
      snapshot: { id: 'c1', status: 'RESPONDED', respondedAt: '2026-12-01T09:30:00.000Z', workaround: null },
    });
    expect(state.snapshot).not.toHaveProperty('siteTimeZone');
  });
});
