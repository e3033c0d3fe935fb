import { randomUUID } from 'node:crypto';
import { In, type DataSource, type Repository } from 'typeorm';
import { actorOf, isCustomerScoped, type Principal } from '@polyplus/auth';
import {
  businessTimeBetween,
  DEFAULT_RESOLUTION_TARGET_MINUTES,
  MINUTE_MS,
  responseDueAt,
  type PlaceCalendars,
  type ResolutionTargets,
  type Severity,
} from '@polyplus/business-calendar';
import { appendToOutbox, INCIDENT_TOPICS } from '@polyplus/events';
import { DomainError, forbidden } from '@polyplus/subgraph-kit';
import { Incident } from './incident.entity';
import { IncidentAuditEntry } from './incident-audit-entry.entity';
import { IncidentStatus } from './incident-status';
import { appendAudit } from './incident-change';
import { INCIDENT_OWN_FIELDS, incidentEventState } from './incident-event-state';
import type { OpenIncidentInput } from './dto/open-incident.input';
import type { EntitlementDirectory } from './entitlement-directory';
import type { CustomerDirectory } from './customer-directory';
import { contactTimeOf, type ContactTimePolicy } from '../case-clock/contact-time';

const OPEN_STATUSES = [IncidentStatus.NEW, IncidentStatus.RESPONDED, IncidentStatus.IN_PROGRESS, IncidentStatus.WORKAROUND_PROVIDED];

export type IncidentServiceDeps = {
  devices: EntitlementDirectory;
  customers: CustomerDirectory;
  calendars: PlaceCalendars;
  now?: () => Date;
  /** How far back staff may log a contact; default 24 h. */
  contactTime?: ContactTimePolicy;
  /** Resolution target per severity; default the business-calendar defaults. */
  resolutionTargets?: ResolutionTargets;
};

/** Opening cases and reading them: the support queue, a customer's history, its search. */
export class IncidentService {
  private readonly incidents: Repository<Incident>;
  private readonly now: () => Date;

  constructor(
    private readonly dataSource: DataSource,
    private readonly deps: IncidentServiceDeps,
  ) {
    this.incidents = dataSource.getRepository(Incident);
    this.now = deps.now ?? (() => new Date());
  }

  /**
   * Only a designated contact of the device's customer, for a device covered when the customer
   * made contact; the response objective is due from that contact in the site's business hours and
   * stored with the case, as is the resolution target of its severity. The contact time is given
   * by staff for phone, chat, video and e-mail cases, the server's for web cases and customers'
   * own (see {@link contactTimeOf}); it is checked before anything is asked or written. The audit
   * trail names the verified caller (`by`) as the one who opened it, with the contact time.
   */
  async open(input: OpenIncidentInput, by: Principal): Promise<Incident> {
    const reportedAt = this.now();
    const contactedAt = contactTimeOf({
      channel: input.channel,
      contactedAt: input.contactedAt,
      byCustomer: isCustomerScoped(by),
      now: reportedAt,
      policy: this.deps.contactTime,
    });
    const placement = await this.deps.devices.placementOf(input.deviceId);
    const [designated, entitlement, site] = await Promise.all([
      this.deps.customers.isDesignatedContact(placement.customerId, input.contactId),
      this.deps.devices.entitlementAt(placement.deviceId, contactedAt),
      this.deps.customers.siteLocation(placement.siteId),
    ]);
    if (!designated) throw forbidden(`Contact ${input.contactId} is not a designated contact of the device’s customer`);
    if (!entitlement.covered) {
      throw new DomainError('FORBIDDEN', `Device ${input.deviceId} is not covered by a Poly+ contract`, { reason: 'DEVICE_NOT_COVERED' });
    }
    const calendar = this.deps.calendars(site);
    const incident = this.incidents.create({
      id: randomUUID(),
      customerId: placement.customerId,
      deviceId: placement.deviceId,
      siteId: placement.siteId,
      contactId: input.contactId,
      contractId: entitlement.contractId,
      channel: input.channel,
      severity: input.severity,
      status: IncidentStatus.NEW,
      summary: input.summary.trim(),
      reportedAt,
      contactedAt,
      responseDueAt: responseDueAt({ reportedAt: contactedAt, severity: input.severity as Severity, calendar }),
      resolutionTargetMinutes: (this.deps.resolutionTargets ?? DEFAULT_RESOLUTION_TARGET_MINUTES)[input.severity as Severity],
      siteTimeZone: site.timeZone,
      siteCountry: site.countryCode,
      siteSubdivision: site.subdivision,
    });
    return this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(incident);
      const contact = `customer contact ${contactedAt.toISOString()} by ${input.channel}${input.contactedAt ? ' (given by the caller)' : ''}`;
      await appendAudit(manager, {
        incidentId: saved.id,
        actor: actorOf(by),
        action: 'OPENED',
        at: reportedAt,
        toStatus: saved.status,
        note: contact,
      });
      await appendToOutbox(manager, {
        topic: INCIDENT_TOPICS.opened,
        key: saved.id,
        occurredAt: reportedAt,
        payload: {
          incidentId: saved.id,
          customerId: saved.customerId,
          deviceId: saved.deviceId,
          severity: saved.severity,
          status: saved.status,
          contactedAt: saved.contactedAt.toISOString(),
          responseDueAt: saved.responseDueAt.toISOString(),
          ...incidentEventState(saved, INCIDENT_OWN_FIELDS),
        },
      });
      return saved;
    });
  }

  findById(id: string): Promise<Incident | null> {
    return this.incidents.findOneBy({ id });
  }

  findByIds(ids: string[]): Promise<Incident[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.incidents.findBy({ id: In(ids) });
  }

  listForDevice(deviceId: string): Promise<Incident[]> {
    return this.incidents.find({ where: { deviceId }, order: { reportedAt: 'DESC' } });
  }

  listForCustomer(customerId: string): Promise<Incident[]> {
    return this.incidents.find({ where: { customerId }, order: { reportedAt: 'DESC' } });
  }

  /** Open cases, the most urgent response first. */
  supportQueue(limit = 100): Promise<Incident[]> {
    return this.incidents.find({ where: { status: In(OPEN_STATUSES) }, order: { responseDueAt: 'ASC', reportedAt: 'ASC' }, take: limit });
  }

  /** A customer's past cases ranked by relevance of summary and resolution (InnoDB FULLTEXT). */
  async searchForCustomer(customerId: string, text: string, limit = 20): Promise<Incident[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      'SELECT id, MATCH(summary, resolution) AGAINST (? IN NATURAL LANGUAGE MODE) AS score FROM incident WHERE customerId = ? AND MATCH(summary, resolution) AGAINST (? IN NATURAL LANGUAGE MODE) ORDER BY score DESC, reportedAt DESC LIMIT ?',
      [text, customerId, text, limit],
    );
    const found = await this.incidents.findBy({ id: In(rows.map((row) => row.id)) });
    const byId = new Map(found.map((incident) => [incident.id, incident]));
    return rows.map((row) => byId.get(row.id)).filter((incident): incident is Incident => Boolean(incident));
  }

  auditTrail(incidentId: string): Promise<IncidentAuditEntry[]> {
    return this.dataSource.getRepository(IncidentAuditEntry).find({ where: { incidentId }, order: { sequence: 'ASC' } });
  }

  /** Business minutes until the response is due; negative once overdue. */
  businessMinutesRemaining(incident: Incident, at: Date = this.now()): number {
    const calendar = this.deps.calendars({
      timeZone: incident.siteTimeZone,
      countryCode: incident.siteCountry,
      subdivision: incident.siteSubdivision,
    });
    const due = incident.responseDueAt;
    const ms = due >= at ? businessTimeBetween(calendar, at, due) : -businessTimeBetween(calendar, due, at);
    return Math.trunc(ms / MINUTE_MS);
  }
}
