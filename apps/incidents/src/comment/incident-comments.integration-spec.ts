import { randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import type { Principal } from '@polyplus/auth';
import { OutboxEvent, decodeOutbox } from '@polyplus/events';
import { EncryptedObjectStorage, FilesystemObjectStorage, developmentKeyring } from '@polyplus/object-storage';
import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import { databaseFingerprint, executeOperation, operationData } from '@polyplus/testing';
import { createIncidentsSubgraph, incidentsSubgraph } from '../incidents-subgraph';
import { FakeWorld, SUPPORT_DESK } from '../testing/fake-subgraphs';
import { IncidentAuditEntry } from '../incident/incident-audit-entry.entity';
import { COMMENT_MAX_LENGTH } from './dto/add-incident-comment.input';
import { customerPrincipals } from '../testing/customer-principals';

const ADD_COMMENT = 'mutation ($input: AddIncidentCommentInput!) { addIncidentComment(input: $input) { id body author createdAt } }';

describe('comments on a case between the customer’s people and support', () => {
  const world = new FakeWorld();
  const site = world.site();
  const deviceA = world.device(site);
  const deviceB = world.device(site);
  const customerA = deviceA.customerId;
  const contactA = world.designatedContact(customerA);
  const peopleA = customerPrincipals('a', customerA, contactA);
  const { admin: adminA, technician: technicianA, undesignated: undesignatedA, partner: partnerA } = peopleA;
  const adminB: Principal = { subject: 'admin-b', role: 'CUSTOMER_ADMIN', customerIds: [deviceB.customerId] };
  const planner: Principal = { subject: 'planner', role: 'DISPATCH_PLANNER', customerIds: [] };
  let clock = new Date('2026-03-02T10:00:00Z');
  let db: TestDatabase;
  let schema: GraphQLSchema;
  let incidentA: string;
  let incidentB: string;

  const addComment = (principal: Principal, incidentId: string, body: string) =>
    executeOperation<{ addIncidentComment: { id: string; body: string; author: string; createdAt: string } }>(
      schema,
      ADD_COMMENT,
      { input: { incidentId, body } },
      principal,
    );
  const codes = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
    (result.errors ?? []).map((error) => error.extensions?.code);

  async function openCase(deviceId: string, contactId: string): Promise<string> {
    const { openIncident } = await operationData<{ openIncident: { id: string } }>(
      schema,
      'mutation ($input: OpenIncidentInput!) { openIncident(input: $input) { id } }',
      { input: { contactId, deviceId, severity: 3, channel: 'PHONE', summary: 'Echo on calls to the branch office' } },
      SUPPORT_DESK,
    );
    return openIncident.id;
  }

  beforeAll(async () => {
    db = await createTestDatabase('incidents_comments', incidentsSubgraph.database);
    ({ schema } = await createIncidentsSubgraph({
      devices: world.devicesClient,
      customers: world.customersClient,
      objectStorage: new EncryptedObjectStorage(new FilesystemObjectStorage('/nonexistent/comments-spec'), developmentKeyring()),
      now: () => clock,
    }).build(db.dataSource));
    incidentA = await openCase(deviceA.id, contactA);
    incidentB = await openCase(deviceB.id, world.designatedContact(deviceB.customerId));
  }, 120_000);
  afterAll(() => db?.drop(), 60_000);

  it('the customer’s admin, its designated technician and support comment on a case; the list is oldest first and names each verified author', async () => {
    expect((await addComment(adminA, incidentA, 'The echo started after the firmware update.')).data?.addIncidentComment).toMatchObject({
      author: 'CUSTOMER_ADMIN:admin-a',
    });
    clock = new Date('2026-03-02T10:05:00Z');
    await addComment(technicianA, incidentA, '  Network diagram attached; the branch uses SIP trunking.  ');
    clock = new Date('2026-03-02T10:20:00Z');
    await addComment(SUPPORT_DESK, incidentA, 'Thanks — please try disabling acoustic echo cancellation on the far end.');
    const { incident } = await operationData<{ incident: { comments: { body: string; author: string; createdAt: string }[] } }>(
      schema,
      'query ($id: ID!) { incident(id: $id) { comments { body author createdAt } } }',
      { id: incidentA },
      technicianA,
    );
    expect(incident.comments).toEqual([
      { body: 'The echo started after the firmware update.', author: 'CUSTOMER_ADMIN:admin-a', createdAt: '2026-03-02T10:00:00.000Z' },
      {
        body: 'Network diagram attached; the branch uses SIP trunking.',
        author: 'CUSTOMER_TECHNICIAN:tech-a',
        createdAt: '2026-03-02T10:05:00.000Z',
      },
      {
        body: 'Thanks — please try disabling acoustic echo cancellation on the far end.',
        author: 'SUPPORT_ENGINEER:tsr.desk',
        createdAt: '2026-03-02T10:20:00.000Z',
      },
    ]);
  });

  it('each comment is on the case’s audit trail and published as incident.comment-added, like other case changes', async () => {
    const trail = await db.dataSource
      .getRepository(IncidentAuditEntry)
      .find({ where: { incidentId: incidentA, action: 'COMMENT_ADDED' }, order: { sequence: 'ASC' } });
    expect(trail.map((entry) => entry.actor)).toEqual([
      'CUSTOMER_ADMIN:admin-a',
      'CUSTOMER_TECHNICIAN:tech-a',
      'SUPPORT_ENGINEER:tsr.desk',
    ]);
    const events = await db.dataSource
      .getRepository(OutboxEvent)
      .find({ where: { aggregateKey: incidentA, topic: 'incident.comment-added' }, order: { sequence: 'ASC' } });
    expect(events.map((event) => JSON.parse(event.payload))).toEqual(
      ['CUSTOMER_ADMIN:admin-a', 'CUSTOMER_TECHNICIAN:tech-a', 'SUPPORT_ENGINEER:tsr.desk'].map((author) =>
        expect.objectContaining({ incidentId: incidentA, customerId: customerA, author, commentId: expect.any(String) }),
      ),
    );
  });

  it('another customer’s case answers as unknown: commenting is NOT_FOUND and reading shows nothing; nothing is written', async () => {
    const before = await databaseFingerprint(db.database);
    expect(codes(await addComment(adminB, incidentA, 'Hello?'))).toEqual(['NOT_FOUND']);
    expect(codes(await addComment(adminA, incidentB, 'Hello?'))).toEqual(['NOT_FOUND']);
    expect(codes(await addComment(SUPPORT_DESK, randomUUID(), 'Hello?'))).toEqual(['NOT_FOUND']);
    const read = await executeOperation<{ incident: unknown }>(
      schema,
      'query ($id: ID!) { incident(id: $id) { comments { body } } }',
      { id: incidentA },
      adminB,
    );
    expect(read.data?.incident).toBeNull();
    expect(await databaseFingerprint(db.database)).toEqual(before);
  });

  it('only designated technicians comment for the customer; partner systems and dispatch planners do not comment or read comments', async () => {
    expect(codes(await addComment(undesignatedA, incidentA, 'Me too'))).toEqual(['FORBIDDEN']);
    expect(codes(await addComment(partnerA, incidentA, 'Me too'))).toEqual(['FORBIDDEN']);
    expect(codes(await addComment(planner, incidentA, 'Me too'))).toEqual(['FORBIDDEN']);
    const read = await executeOperation(
      schema,
      'query ($id: ID!) { incident(id: $id) { comments { body } } }',
      { id: incidentA },
      partnerA,
    );
    expect(codes(read)).toEqual(['FORBIDDEN']);
  });

  it(`a comment is not blank and at most ${COMMENT_MAX_LENGTH} characters; the longest fits its column even in 4-byte characters`, async () => {
    expect(codes(await addComment(adminA, incidentA, '   \n '))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await addComment(adminA, incidentA, 'x'.repeat(COMMENT_MAX_LENGTH + 1)))).toEqual(['BAD_USER_INPUT']);
    const longest = '📞'.repeat(COMMENT_MAX_LENGTH);
    expect((await addComment(adminA, incidentA, longest)).data?.addIncidentComment.body).toBe(longest);
  });

  it('a closed case takes no more comments (CONFLICT)', async () => {
    await db.dataSource.query("UPDATE incident SET status = 'CLOSED' WHERE id = ?", [incidentB]);
    expect(codes(await addComment(SUPPORT_DESK, incidentB, 'One more thing'))).toEqual(['CONFLICT']);
  });

  it('every event the producers wrote above decodes through the event contract', async () => {
    const { topics, refused } = await decodeOutbox(db.dataSource);
    expect(topics).toEqual(expect.arrayContaining(['incident.comment-added']));
    expect(refused).toEqual([]);
  });
});
