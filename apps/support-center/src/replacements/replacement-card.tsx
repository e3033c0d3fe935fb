import { LocalDateTime } from '@polyplus/web-ui';
import { Empty } from '../ui/states';
import { words } from '../ui/words';
import type { Replacement, TrackingEvent } from './replacement-documents';
import { replacementSteps } from './replacement-progress';

/** One replacement order: its progress, dates, carrier tracking, the defective return and invoices. */
export function ReplacementCard({
  order,
  zone,
  headingLevel = 3,
  title,
}: {
  order: Replacement;
  zone: string;
  headingLevel?: 2 | 3;
  title?: string;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const steps = replacementSteps(order);
  const current = steps.find((step) => step.state === 'current');
  return (
    <article
      className="card replacement"
      data-order-id={order.id}
      data-status={order.status}
      aria-label={`Replacement ${order.part?.name ?? order.partNumber}`}
    >
      <Heading>
        {title ?? order.part?.name ?? order.partNumber}{' '}
        <span className="sub-inline">
          ({order.partNumber}
          {order.quantity > 1 ? ` × ${order.quantity}` : ''})
        </span>
      </Heading>
      <ol className="steps" aria-label="Progress">
        {steps.map((step) => (
          <li key={step.key} className={`step step-${step.state}`} aria-current={step.state === 'current' ? 'step' : undefined}>
            <span className="step-mark" aria-hidden="true">
              {step.state === 'done' ? '✓' : '○'}
            </span>{' '}
            {step.label}
            {step.state === 'done' && <span className="sr-only"> (done)</span>}
            {step.state === 'current' && <span className="step-next"> (next)</span>}
          </li>
        ))}
      </ol>
      <p className="status-line">
        Status: <strong className="replacement-status">{words(order.status)}</strong>
        {current && order.status !== 'CANCELLED' ? ` · next: ${current.label.toLowerCase()}` : ''}
      </p>
      {order.backorderReason && <p className="warn-text">Back-ordered: {order.backorderReason}</p>}
      <dl className="facts">
        <dt>Ordered</dt>
        <dd>
          <LocalDateTime iso={order.orderedAt} zone={zone} />
        </dd>
        <dt>Ships</dt>
        <dd>{order.shipDate ? `${order.shipDate} (depot local date)` : '—'}</dd>
        <dt>Expected delivery</dt>
        <dd className="expected-delivery">
          {order.shipment?.deliveredAt ? (
            <>
              Delivered <LocalDateTime iso={order.shipment.deliveredAt} zone={zone} />
            </>
          ) : order.expectedDeliveryAt ? (
            <LocalDateTime iso={order.expectedDeliveryAt} zone={zone} />
          ) : (
            (order.expectedDelivery ?? 'not known yet')
          )}
        </dd>
        <dt>Freight</dt>
        <dd>
          {order.customerFreightCharge} — Poly pays freight
          {order.customerIsImporterOfRecord && (
            <span className="sub warn-text">You act as importer of record in {order.destinationCountry ?? 'the destination country'}.</span>
          )}
        </dd>
        {order.shipment && (
          <>
            <dt>Carrier</dt>
            <dd>
              {order.shipment.carrier}, tracking number <strong className="tracking-number">{order.shipment.trackingNumber}</strong>
              <span className="sub">
                Shipped {order.shipment.shippedOn}; part serial {order.shipment.partSerialNumber}, warranted 90 days from shipment
              </span>
            </dd>
          </>
        )}
      </dl>
      {order.shipment && <TrackingEvents events={order.shipment.events} zone={zone} />}
      {order.defectiveReturn ? (
        <section className="return" aria-label="Defective part return">
          <h4>Defective part return</h4>
          <p>
            <strong className="return-status">{words(order.defectiveReturn.status)}</strong>
            {order.defectiveReturn.status === 'EXPECTED' && (
              <>
                {' '}
                · due back by {order.defectiveReturn.dueDate}; invoiced at list price from{' '}
                <LocalDateTime iso={order.defectiveReturn.lateFrom} zone={zone} />
              </>
            )}
            {order.defectiveReturn.receivedAt && (
              <>
                {' '}
                · received <LocalDateTime iso={order.defectiveReturn.receivedAt} zone={zone} />
              </>
            )}
          </p>
          {order.defectiveReturn.invoices.length > 0 && (
            <table className="data-table compact">
              <caption>Invoices and credit notes</caption>
              <thead>
                <tr>
                  <th scope="col">Document</th>
                  <th scope="col">Amount</th>
                  <th scope="col">Issued</th>
                </tr>
              </thead>
              <tbody>
                {order.defectiveReturn.invoices.map((invoice) => (
                  <tr key={invoice.id}>
                    <th scope="row">{words(invoice.kind)}</th>
                    <td className="number">
                      {invoice.amount} {invoice.currency}
                    </td>
                    <td>
                      <LocalDateTime iso={invoice.issuedAt} zone={zone} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : (
        order.status !== 'DELIVERED' && (
          <p className="hint">Once the part is delivered, the defective part is due back within 10 business days.</p>
        )
      )}
    </article>
  );
}

function TrackingEvents({ events, zone }: { events: TrackingEvent[]; zone: string }) {
  if (events.length === 0) return <Empty>No tracking events from the carrier yet.</Empty>;
  return (
    <table className="data-table compact tracking">
      <caption>Carrier tracking</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Event</th>
          <th scope="col">New estimate</th>
          <th scope="col">Note</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event, index) => (
          <tr key={`${event.at}-${index}`} data-status={event.status}>
            <th scope="row">
              <LocalDateTime iso={event.at} zone={zone} />
            </th>
            <td>{words(event.status)}</td>
            <td>{event.eta ? <LocalDateTime iso={event.eta} zone={zone} /> : '—'}</td>
            <td>{event.note ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
