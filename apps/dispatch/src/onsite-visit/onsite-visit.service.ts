import { randomUUID } from 'node:crypto';
import { In, type DataSource, type Repository } from 'typeorm';
import { conflict, notFound, sendDocument, serviceDocument, type SubgraphClient } from '@polyplus/subgraph-kit';
import { withDeadlockRetry } from '@polyplus/persistence';
import { OnsiteVisit, OnsiteVisitStatus, OPEN_STATUSES, publishVisitChanges } from '@polyplus/dispatch-data';
import type { RequestOnsiteVisitInput } from './dto/request-onsite-visit.input';
import type { OptimisationTrigger } from './optimisation-trigger';
import { fetchSiteLocation } from '../site/site-directory';

export const INCIDENT_CUSTOMER = serviceDocument<{ incident: { id: string; customer: { id: string } | null } | null }, { id: string }>(
  'incidents',
  'query IncidentCustomer($id: ID!) { incident(id: $id) { id customer { id } } }',
);

export class OnsiteVisitService {
  private readonly visits: Repository<OnsiteVisit>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly incidents: SubgraphClient,
    private readonly optimisation: OptimisationTrigger,
    private readonly customers: SubgraphClient,
  ) {
    this.visits = dataSource.getRepository(OnsiteVisit);
  }

  async request(input: RequestOnsiteVisitInput): Promise<OnsiteVisit> {
    const { incident } = await sendDocument(this.incidents, INCIDENT_CUSTOMER, { id: input.incidentId });
    if (!incident) throw notFound('Incident', input.incidentId);
    const site = await fetchSiteLocation(this.customers, input.siteId);
    if (!site) throw notFound('Site', input.siteId);
    const visit = this.visits.create({
      id: randomUUID(),
      ...input,
      customerId: incident.customer?.id ?? null,
      status: OnsiteVisitStatus.UNPLANNED,
      technicianId: null,
      windowStart: null,
      windowEnd: null,
      latitude: site.latitude,
      longitude: site.longitude,
      siteTimeZone: site.timeZone,
      siteCountryCode: site.countryCode,
      siteSubdivision: site.subdivision,
      releaseAt: input.releaseAt ?? null,
    });
    // One open visit per case: a second request would send a second technician. The locking read
    // makes concurrent requests for one case wait for each other (a deadlock between them is retried).
    await withDeadlockRetry(() =>
      this.dataSource.transaction(async (manager) => {
        const open = await manager.find(OnsiteVisit, {
          where: { incidentId: input.incidentId, status: In(OPEN_STATUSES) },
          lock: { mode: 'pessimistic_write' },
        });
        if (open.length > 0)
          throw conflict(`Case ${input.incidentId} already has an open onsite visit (${open[0].id}): move, pin or cancel that one instead`);
        await manager.insert(OnsiteVisit, visit);
        await publishVisitChanges(manager, [{ visit, change: 'CREATED' }], null);
      }),
    );
    // The visit is committed either way; a missed trigger is caught up by the next event in the region.
    await this.optimisation.requestQuietly(visit.region, `visit ${visit.id} requested`);
    return this.visits.findOneByOrFail({ id: visit.id });
  }

  findById(id: string): Promise<OnsiteVisit | null> {
    return this.visits.findOneBy({ id });
  }

  findByIds(ids: string[]): Promise<OnsiteVisit[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.visits.findBy({ id: In(ids) });
  }

  listForIncident(incidentId: string): Promise<OnsiteVisit[]> {
    return this.visits.find({ where: { incidentId }, order: { requestedAt: 'ASC' } });
  }
}
