import { decodeEntityEventState, entityEventState } from './entity-event-state';

describe('entity event state', () => {
  const entity = {
    id: 'c1',
    version: 4,
    status: 'RESPONDED',
    respondedAt: new Date('2026-12-01T09:30:00.000Z'),
    resolvedAt: undefined as Date | undefined,
    secret: 'x',
  };

  it('snapshots only the named fields, dates as ISO 8601 and a missing value as null, and keeps only changed fields among them', () => {
    expect(entityEventState(entity, ['id', 'status', 'respondedAt', 'resolvedAt'], ['status', 'respondedAt', 'secret', 'version'])).toEqual(
      {
        version: 4,
        changed: ['status', 'respondedAt'],
        snapshot: { id: 'c1', status: 'RESPONDED', respondedAt: '2026-12-01T09:30:00.000Z', resolvedAt: null },
      },
    );
  });

  it('decodes what a payload carries and refuses a payload without a version or a snapshot', () => {
    const payload = { incidentId: 'c1', ...entityEventState(entity, ['status'], ['status']) };
    expect(decodeEntityEventState(JSON.parse(JSON.stringify(payload)))).toEqual({
      version: 4,
      changed: ['status'],
      snapshot: { status: 'RESPONDED' },
    });
    expect(decodeEntityEventState({ incidentId: 'c1', version: 4 })).toBeNull();
    expect(decodeEntityEventState({ snapshot: {} })).toBeNull();
    expect(decodeEntityEventState({ version: '4', snapshot: {} })).toBeNull();
    expect(decodeEntityEventState({ version: 4, snapshot: {}, changed: 'status' })).toEqual({ version: 4, changed: [], snapshot: {} });
  });
});
