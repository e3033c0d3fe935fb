import type { DataSource } from 'typeorm';
import { canSeeCustomer, type Principal } from '@polyplus/auth';
import { conflict, forbidden, notFound } from '@polyplus/subgraph-kit';
import { Incident } from '../incident/incident.entity';
import { IncidentStatus } from '../incident/incident-status';
import type { CustomerDirectory } from '../incident/customer-directory';

/**
 * Who may add files and comments to a case: support staff, the customer's admins, and its
 * technicians while they are designated contacts ("designated Customer technicians ... authorised
 * to contact Poly's support team"). Another customer's case answers as an unknown one.
 */
export class CaseContributors {
  constructor(
    private readonly dataSource: DataSource,
    private readonly customers: CustomerDirectory,
  ) {}

  async caseFor(incidentId: string, principal: Principal): Promise<Incident> {
    const incident = await this.dataSource.getRepository(Incident).findOneBy({ id: incidentId });
    if (!incident || !canSeeCustomer(principal, incident.customerId)) throw notFound('Incident', incidentId);
    if (principal.role === 'CUSTOMER_TECHNICIAN') {
      const designated = principal.contactId ? await this.customers.isDesignatedContact(incident.customerId, principal.contactId) : false;
      if (!designated) throw forbidden('Only designated technicians of the customer may add to its cases');
    }
    if (incident.status === IncidentStatus.CLOSED) throw conflict(`Incident ${incident.id} is closed`);
    return incident;
  }
}
