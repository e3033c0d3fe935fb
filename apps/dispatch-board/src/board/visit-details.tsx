import { useEffect, useRef } from 'react';
import { useMutation, useQuery } from 'urql';
import {
  PIN_VISIT_MUTATION,
  UNPIN_VISIT_MUTATION,
  VISIT_DETAILS_QUERY,
  type RegionBoardData,
  type VisitDetailsData,
} from '../graphql/documents';
import { localDateTime } from '@polyplus/web-ui';
import { localTime } from './time-axis';
import { SEVERITY_LABEL } from './severity';
import { MoveVisitForm } from './move-visit-form';
import { apiMessage } from './use-move-visit';
import { describeUnassignedReason } from './unassigned-reason';

type Props = { visitId: string; board: RegionBoardData['regionBoard']; date: string; onClose: () => void };

function when(iso: string | null, zone: string): string {
  return localDateTime(iso, zone);
}

/** Everything a planner asks about a visit: the case, device, customer, part, and why it sits where it does. */
export function VisitDetails({ visitId, board, date, onClose }: Props) {
  const [{ data, error, fetching }, refetch] = useQuery<VisitDetailsData>({
    query: VISIT_DETAILS_QUERY,
    variables: { id: visitId },
    requestPolicy: 'cache-and-network',
  });
  // A new plan (or a planner's change) may have moved this visit: read it again with the board.
  const planVersion = board.planVersion;
  const shownVersion = useRef(planVersion);
  useEffect(() => {
    if (shownVersion.current === planVersion) return;
    shownVersion.current = planVersion;
    refetch({ requestPolicy: 'network-only' });
  }, [planVersion, refetch]);
  // urql's executors resolve (never reject), a refusal being the result's error shown on the page: buttons call them fire-and-forget.
  const [pinState, pin] = useMutation(PIN_VISIT_MUTATION);
  const [unpinState, unpin] = useMutation(UNPIN_VISIT_MUTATION);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [visitId]);
  const zone = board.timeZone;
  // While another visit's answer is still on screen, show nothing stale: only this visit's data.
  const visit = data?.onsiteVisit?.id === visitId ? data.onsiteVisit : undefined;
  const pinError = pinState.error ?? unpinState.error;
  return (
    <section className="details" aria-labelledby="details-heading">
      <div className="details-header">
        <h2 id="details-heading" tabIndex={-1} ref={heading}>
          Visit {visit ? visit.incident.device.serialNumber : ''}
        </h2>
        <button type="button" onClick={onClose}>
          Close<span className="sr-only"> visit detail</span>
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {apiMessage(error)}
        </p>
      )}
      {!visit && fetching && <p>Loading…</p>}
      {visit && (
        <>
          <dl className="facts">
            <dt>Case</dt>
            <dd>
              S{visit.incident.severity} {SEVERITY_LABEL[visit.incident.severity]} · {visit.incident.status.toLowerCase()} ·{' '}
              {visit.incident.summary}
            </dd>
            <dt>Response due</dt>
            <dd>{when(visit.incident.responseDueAt, zone)}</dd>
            <dt>Device</dt>
            <dd>
              {visit.incident.device.product.model} · {visit.incident.device.serialNumber}
            </dd>
            <dt>Customer</dt>
            <dd>{visit.incident.customer.name}</dd>
            <dt>Site</dt>
            <dd>
              {[visit.site.name, visit.site.addressLine, visit.site.city, visit.site.postalCode, visit.site.countryCode]
                .filter(Boolean)
                .join(', ')}
            </dd>
            <dt>Planned</dt>
            <dd>
              {visit.status === 'PLANNED' && visit.windowStart
                ? `${when(visit.windowStart, zone)}–${localTime(visit.windowEnd as string, zone)} with ${visit.technician?.name ?? '—'}${visit.travelMinutes ? ` (${visit.travelMinutes} min travel)` : ''}`
                : visit.status.toLowerCase()}
              {visit.pinned && ' · pinned'}
            </dd>
            <dt>Part</dt>
            <dd>
              {visit.incident.replacementOrders.length === 0 && 'No replacement part ordered'}
              <ul className="plain">
                {visit.incident.replacementOrders.map((order) => (
                  <li key={order.id}>
                    {order.part?.name ?? order.partNumber} ({order.partNumber}): {order.status.toLowerCase()}
                    {order.shipment &&
                      ` · ${order.shipment.carrier} ${order.shipment.trackingNumber} ${order.shipment.status.toLowerCase()}`}
                    {order.shipment?.deliveredAt
                      ? ` · delivered ${when(order.shipment.deliveredAt, zone)}`
                      : ` · ETA ${when(order.expectedDeliveryAt, zone)}`}
                    {order.backorderReason && ` · ${order.backorderReason}`}
                  </li>
                ))}
              </ul>
              {visit.releaseAt && <span className="hint">Visit not before {when(visit.releaseAt, zone)} (part on site).</span>}
            </dd>
            <dt>Why here</dt>
            <dd>
              {visit.placement ? (
                <>
                  {visit.placement.summary}
                  {visit.placement.constraints.length > 0 && (
                    <ul className="plain constraints">
                      {visit.placement.constraints.map((constraint) => (
                        <li key={constraint}>{constraint}</li>
                      ))}
                    </ul>
                  )}
                </>
              ) : (
                describeUnassignedReason(visit.unassignedReason)
              )}
            </dd>
          </dl>
          <div className="pin-actions">
            {visit.pinned ? (
              <button
                type="button"
                onClick={() => void unpin({ id: visit.id }, { additionalTypenames: ['OnsiteVisit'] })}
                disabled={unpinState.fetching}
              >
                Unpin (let the scheduler move it)
              </button>
            ) : (
              visit.status === 'PLANNED' && (
                <button
                  type="button"
                  onClick={() => void pin({ id: visit.id }, { additionalTypenames: ['OnsiteVisit'] })}
                  disabled={pinState.fetching}
                >
                  Pin where it is
                </button>
              )
            )}
            {pinError && (
              <p role="alert" className="error">
                {apiMessage(pinError)}
              </p>
            )}
          </div>
          <MoveVisitForm key={visit.id} visit={visit} board={board} date={date} />
        </>
      )}
    </section>
  );
}
