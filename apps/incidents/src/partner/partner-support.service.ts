import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { actorOf, type Principal } from '@polyplus/auth';
import { appendToOutbox, INCIDENT_TOPICS } from '@polyplus/events';
import { isDuplicateEntry } from '@polyplus/persistence';
import { conflict, notFound } from '@polyplus/subgraph-kit';
import { Incident } from '../incident/incident.entity';
import { appendAudit, changeBy, changeIncident } from '../incident/incident-change';
import { incidentEventState } from '../incident/incident-event-state';
import { PartnerIncidentRequest } from './partner-request.entity';
import { PartnerStatusUpdate } from './partner-status-update.entity';
import { PartnerEntitlementCheck } from './partner-entitlement-check.entity';
import { PartnerRequestStatus } from './partner-request-status';
import { closePause, openPause } from '../case-clock/clock-pauses';
import { PauseReason, PauseSource } from '../case-clock/pause-reason';
import type { MarkPartnerCausedInput } from './dto/mark-partner-caused.input';
import type { OpenPartnerRequestInput } from './dto/open-partner-request.input';
import type { PartnerStatusInput } from './dto/partner-status.input';
import type { VerifyPartnerEntitlementInput } from './dto/verify-partner-entitlement.input';
import { caseEventIds } from '../incident/case-event-ids';

/**
 * Ecosystem Cloud Partner Support: partner-caused cases, partner incident requests, entitlement
 * checks. Each is recorded as done by the verified caller (`by`); a typed `engineer` is only shown.
 */
export class PartnerSupportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  markPartnerCaused(input: MarkPartnerCausedInput, by: Principal): Promise<Incident> {
    return changeIncident(
      this.dataSource,
      {
        ...changeBy(input, by),
        action: 'PARTNER_CAUSED',
        note: input.findings,
        topic: INCIDENT_TOPICS.updated,
        apply: () => ({ causedByPartner: input.partner, partnerFindings: input.findings }),
        payload: () => ({ causedByPartner: input.partner }),
      },
      this.now(),
    );
  }

  /** Only for a case marked as caused in that partner's environment; one request per tracking number. */
  async openRequest(input: OpenPartnerRequestInput, by: Principal): Promise<PartnerIncidentRequest> {
    const at = this.now();
    try {
      return await this.dataSource.transaction(async (manager) => {
        const incident = await manager.findOne(Incident, { where: { id: input.incidentId }, lock: { mode: 'pessimistic_write' } });
        if (!incident) throw notFound('Incident', input.incidentId);
        if (!incident.causedByPartner) throw conflict('Mark the case as caused in a cloud partner’s environment first');
        const request = manager.create(PartnerIncidentRequest, {
          id: randomUUID(),
          incidentId: incident.id,
          partner: incident.causedByPartner,
          trackingNumber: input.trackingNumber.trim(),
          status: PartnerRequestStatus.OPEN,
          partnerStatus: null,
          openedAt: at,
          closedAt: null,
        });
        await manager.insert(PartnerIncidentRequest, request);
        // While the partner works on it, the case waits on the partner: its resolution clock pauses.
        await openPause(manager, {
          incident,
          reason: PauseReason.WAITING_ON_PARTNER,
          source: PauseSource.PARTNER_REQUEST,
          sourceId: request.id,
          at,
          by: actorOf(by),
          note: `${request.partner} ${request.trackingNumber}`,
        });
        await this.record(
          manager,
          incident,
          INCIDENT_TOPICS.partnerRequestOpened,
          { by, typed: input.engineer },
          'PARTNER_REQUEST_OPENED',
          at,
          request,
          request.trackingNumber,
        );
        return request;
      });
    } catch (error) {
      if (isDuplicateEntry(error)) throw conflict(`A ${input.trackingNumber} request is already recorded for this partner`);
      throw error;
    }
  }

  /** The partner's status, kept as history and relayed to the customer's view of the case. */
  recordStatus(input: PartnerStatusInput, by: Principal): Promise<PartnerIncidentRequest> {
    return this.changeOpenRequest(input.requestId, async (manager, request, incident, at) => {
      await manager.insert(PartnerStatusUpdate, {
        requestId: request.id,
        partnerStatus: input.partnerStatus,
        note: input.note ?? null,
        reportedAt: at,
        recordedBy: actorOf(by),
      });
      request.partnerStatus = input.partnerStatus;
      await manager.update(PartnerIncidentRequest, { id: request.id }, { partnerStatus: input.partnerStatus });
      await this.record(
        manager,
        incident,
        INCIDENT_TOPICS.partnerStatusUpdated,
        { by, typed: input.engineer },
        'PARTNER_STATUS',
        at,
        request,
        input.partnerStatus,
      );
    });
  }

  closeRequest(requestId: string, by: Principal, engineer?: string | null): Promise<PartnerIncidentRequest> {
    return this.changeOpenRequest(requestId, async (manager, request, incident, at) => {
      request.status = PartnerRequestStatus.CLOSED;
      request.closedAt = at;
      await manager.update(PartnerIncidentRequest, { id: request.id }, { status: request.status, closedAt: at });
      await closePause(manager, {
        incident,
        reason: PauseReason.WAITING_ON_PARTNER,
        sourceId: request.id,
        at,
        by: actorOf(by),
        note: 'partner request closed',
      });
      await this.record(
        manager,
        incident,
        INCIDENT_TOPICS.partnerRequestClosed,
        { by, typed: engineer },
        'PARTNER_REQUEST_CLOSED',
        at,
        request,
        null,
      );
    });
  }

  async verifyEntitlement(input: VerifyPartnerEntitlementInput, by: Principal): Promise<PartnerEntitlementCheck> {
    const at = this.now();
    return this.dataSource.transaction(async (manager) => {
      const incident = await manager.findOneBy(Incident, { id: input.incidentId });
      if (!incident) throw notFound('Incident', input.incidentId);
      const check = manager.create(PartnerEntitlementCheck, {
        id: randomUUID(),
        incidentId: incident.id,
        partner: input.partner,
        entitled: input.entitled,
        termEndsOn: input.termEndsOn ?? null,
        reference: input.reference ?? null,
        checkedAt: at,
        checkedBy: actorOf(by),
      });
      await manager.insert(PartnerEntitlementCheck, check);
      await appendAudit(manager, {
        incidentId: incident.id,
        actor: actorOf(by),
        actorName: input.engineer,
        action: 'PARTNER_ENTITLEMENT_CHECKED',
        at,
        note: `${input.partner}: ${input.entitled ? 'entitled' : 'not entitled'}`,
      });
      await appendToOutbox(manager, {
        topic: INCIDENT_TOPICS.partnerEntitlementChecked,
        key: incident.id,
        occurredAt: at,
        payload: {
          ...caseEventIds(incident),
          partner: input.partner,
          entitled: input.entitled,
          termEndsOn: check.termEndsOn,
          ...incidentEventState(incident),
        },
      });
      return check;
    });
  }

  requestsOf(incidentId: string): Promise<PartnerIncidentRequest[]> {
    return this.dataSource.getRepository(PartnerIncidentRequest).find({ where: { incidentId }, order: { openedAt: 'ASC' } });
  }

  statusUpdatesOf(requestId: string): Promise<PartnerStatusUpdate[]> {
    return this.dataSource.getRepository(PartnerStatusUpdate).find({ where: { requestId }, order: { sequence: 'ASC' } });
  }

  entitlementChecksOf(incidentId: string): Promise<PartnerEntitlementCheck[]> {
    return this.dataSource.getRepository(PartnerEntitlementCheck).find({ where: { incidentId }, order: { checkedAt: 'ASC' } });
  }

  private changeOpenRequest(
    requestId: string,
    work: (manager: EntityManager, request: PartnerIncidentRequest, incident: Incident, at: Date) => Promise<void>,
  ): Promise<PartnerIncidentRequest> {
    const at = this.now();
    return this.dataSource.transaction(async (manager) => {
      // Row lock: a status update and a close of the same request are applied one after the other.
      const request = await manager.findOne(PartnerIncidentRequest, { where: { id: requestId }, lock: { mode: 'pessimistic_write' } });
      if (!request) throw notFound('PartnerIncidentRequest', requestId);
      if (request.status !== PartnerRequestStatus.OPEN) throw conflict(`Partner request ${requestId} is closed`);
      const incident = await manager.findOneByOrFail(Incident, { id: request.incidentId });
      await work(manager, request, incident, at);
      return request;
    });
  }

  private async record(
    manager: EntityManager,
    incident: Incident,
    topic:
      | typeof INCIDENT_TOPICS.partnerRequestOpened
      | typeof INCIDENT_TOPICS.partnerStatusUpdated
      | typeof INCIDENT_TOPICS.partnerRequestClosed,
    actor: { by: Principal; typed?: string | null },
    action: string,
    at: Date,
    request: PartnerIncidentRequest,
    note: string | null,
  ): Promise<void> {
    await appendAudit(manager, { incidentId: incident.id, actor: actorOf(actor.by), actorName: actor.typed, action, at, note });
    await appendToOutbox(manager, {
      topic,
      key: incident.id,
      occurredAt: at,
      payload: {
        ...caseEventIds(incident),
        requestId: request.id,
        partner: request.partner,
        trackingNumber: request.trackingNumber,
        requestStatus: request.status,
        partnerStatus: request.partnerStatus,
        ...incidentEventState(incident),
      },
    });
  }
}
