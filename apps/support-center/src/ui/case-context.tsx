import { Link } from '../routing';
import { SeverityBadge } from './severity';
import { shortId } from './words';

/** What a case's card needs to name the case it belongs to. */
export type CaseContextFields = {
  id: string;
  summary: string;
  severity: number;
  device: { serialNumber: string; productModel: string; site: { name: string } };
};

/** The line above a part's or a visit's card that says which case, device and site it is for, with a link to the case. */
export function CaseContext({ incident }: { incident: CaseContextFields }) {
  return (
    <p className="card-context">
      <SeverityBadge severity={incident.severity} /> Case{' '}
      <Link to={`/cases/${incident.id}`}>
        {shortId(incident.id)}: {incident.summary}
      </Link>{' '}
      · {incident.device.productModel} {incident.device.serialNumber} at {incident.device.site.name}
    </p>
  );
}
