import { randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import { OnsiteVisit } from '@polyplus/dispatch-data';
import { appendToOutbox, sampleEventPayload, VISIT_CHANGED } from '@polyplus/events';
import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import { collectExport, findValues, inProcessClient, personalDataPeer, type PersonalDataPeer } from '@polyplus/privacy';
import { eraseAgain, staffPersonalDataPeer, unclassifiedEntityTables } from '@polyplus/testing';
import { dispatchSubgraph } from '../dispatch-subgraph';
import { DISPATCH_PERSONAL_DATA } from './dispatch-personal-data';

describe('personal data in the dispatch service: export and erasure', () => {
  let db: TestDatabase;
  let schema: GraphQLSchema;
  let close: (() => Promise<void>) | undefined;
  let peer: PersonalDataPeer;
  const fabrikam = randomUUID();
  const contoso = randomUUID();
  const ana = { contactId: randomUUID(), email: 'ana.kowalski@fabrikam.example', name: 'Ana Kowalski' };
  const cases = { anas: randomUUID(), bens: randomUUID(), contosos: randomUUID() };

  beforeAll(async () => {
    db = await createTestDatabase('dispatch_privacy', dispatchSubgraph.database);
    ({ schema, close } = await dispatchSubgraph.build(db.dataSource));
    peer = personalDataPeer('dispatch', inProcessClient(schema));
    const visits = db.dataSource.getRepository(OnsiteVisit);
    for (const [customerId, incidentId] of [
      [fabrikam, cases.anas],
      [fabrikam, cases.bens],
      [contoso, cases.contosos],
    ]) {
      await visits.save(visits.create({ id: randomUUID(), incidentId, siteId: randomUUID(), customerId, region: 'PRIVACY' }));
      await db.dataSource.transaction((manager) =>
        appendToOutbox(manager, {
          topic: VISIT_CHANGED,
          key: incidentId,
          payload: sampleEventPayload(VISIT_CHANGED, { incidentId, customerId, siteContact: 'Ana Kowalski' }),
        }),
      );
    }
  }, 180_000);
  afterAll(async () => {
    await close?.();
    await db?.drop();
  }, 60_000);

  it('every table of the dispatch service is classified as holding personal data or not', () => {
    expect(unclassifiedEntityTables(db.dataSource, DISPATCH_PERSONAL_DATA)).toEqual({ unclassified: [], unknown: [] });
  });

  it('a contact’s export holds the visits of the cases they reported; a customer’s the visits of all its cases, nothing of another customer', async () => {
    const mine = await collectExport(peer, { customerId: fabrikam, contactId: ana.contactId, incidentIds: [cases.anas, cases.contosos] });
    expect(mine.map((entry) => [entry.section, entry.record.incidentId])).toEqual([['onsiteVisits', cases.anas]]);
    const all = await collectExport(peer, { customerId: fabrikam });
    expect(all.map((entry) => entry.record.incidentId).sort()).toEqual([cases.anas, cases.bens].sort());
    expect(JSON.stringify(all)).not.toContain(contoso);
  });

  it('erasing a contact replaces their name in the customer’s visit events only; a second erasure changes nothing', async () => {
    const subject = { customerId: fabrikam, ...ana, erasedBy: 'SUPPORT_ENGINEER:tsr.privacy' };
    expect(await peer.erase(subject)).toEqual({ changedRows: 2, deletedFiles: 0 });
    const left = await findValues((sql, params) => db.dataSource.query(sql, params), [db.database], [ana.name]);
    expect(left.map((found) => JSON.stringify(found.row).includes(contoso))).toEqual([true]);
    const again = await eraseAgain(peer, subject, db.database);
    expect(again.result).toEqual({ changedRows: 0, deletedFiles: 0 });
    expect(again.after).toEqual(again.before);
  });

  it('the personal-data fields answer services only', async () => {
    const staff = staffPersonalDataPeer('dispatch', schema);
    await expect(staff.erase({ customerId: fabrikam, ...ana, erasedBy: 'SUPPORT_ENGINEER:x' })).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
  });
});
