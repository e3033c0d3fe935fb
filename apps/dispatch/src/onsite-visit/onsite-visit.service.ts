import { randomUUID } from 'node:crypto';
import type { DataSource, Repository } from 'typeorm';
import { fetchById, notFound, type SubgraphClient } from '@polyplus/subgraph-kit';
import { OnsiteVisit, OnsiteVisitStatus } from '@polyplus/dispatch-data';
import type { RequestOnsiteVisitInput } from './dto/request-onsite-visit.input';
import type { OptimisationTrigger } from './optimisation-trigger';
import { fetchSiteLocation } from '../site/site-directory';

export class OnsiteVisitService {
  private readonly visits: Repository<OnsiteVisit>;

  constructor(
    dataSource: DataSource,
    private readonly incidents: SubgraphClient,
    private readonly optimisation: OptimisationTrigger,
    private readonly customers: SubgraphClient,
  ) {
    this.visits = dataSource.getRepository(OnsiteVisit);
  }

  async request(input: RequestOnsiteVisitInput): Promise<OnsiteVisit> {
    if (!(await fetchById(this.incidents, 'incident', input.incidentId))) throw notFound('Incident', input.incidentId);
    const site = await fetchSiteLocation(this.customers, input.siteId);
    if (!site) throw notFound('Site', input.siteId);
    const visit = await this.visits.save(
      this.visits.create({
        id: randomUUID(),
        ...input,
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
      }),
    );
    // The visit is committed either way; a missed trigger is caught up by the next event in the region.
    await this.optimisation.request({ region: visit.region, reason: `visit ${visit.id} requested` }).catch((error: Error) => {
      console.error(`[dispatch] could not enqueue optimisation for ${visit.region}: ${error.message}`);
    });
    return visit;
  }

  findById(id: string): Promise<OnsiteVisit | null> {
    return this.visits.findOneBy({ id });
  }

  listForIncident(incidentId: string): Promise<OnsiteVisit[]> {
    return this.visits.find({ where: { incidentId }, order: { requestedAt: 'ASC' } });
  }
}
