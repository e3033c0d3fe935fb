import { LocalDateTime } from '@polyplus/web-ui';
import type { Contract } from '../session/portal-session';
import { Empty } from '../ui/states';
import { words } from '../ui/words';
import { advanceReplacementText, coverageText, optionsText } from './coverage';
import type { DeviceRow } from './product-documents';

/** Every registered device with its cover, options, advance-replacement right and software state. */
export function DeviceTable({ devices, contracts, highlight }: { devices: DeviceRow[]; contracts: Contract[]; highlight: string | null }) {
  const reference = (id: string) => contracts.find((contract) => contract.id === id)?.reference;
  if (devices.length === 0) return <Empty>No products are registered yet. Register one below, or send a serial-number list.</Empty>;
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="devices-caption">
      <table className="data-table devices">
        <caption id="devices-caption">Registered products ({devices.length})</caption>
        <thead>
          <tr>
            <th scope="col">Serial number</th>
            <th scope="col">Product</th>
            <th scope="col">Site</th>
            <th scope="col">Coverage</th>
            <th scope="col">Options</th>
            <th scope="col">Advance replacement</th>
            <th scope="col">Poly Lens premium features</th>
            <th scope="col">Software</th>
            <th scope="col">Registered</th>
          </tr>
        </thead>
        <tbody>
          {devices.map((device) => (
            <tr key={device.id} data-serial={device.serialNumber} className={device.serialNumber === highlight ? 'row-new' : undefined}>
              <th scope="row">{device.serialNumber}</th>
              <td>
                {device.product.name}
                <span className="sub">
                  {device.product.model} · {words(device.product.productType)}
                </span>
              </td>
              <td>{device.site.name}</td>
              <td className={device.entitlement.covered ? 'ok-text' : 'warn-text'} data-column="coverage">
                {coverageText(device.entitlement, reference)}
              </td>
              <td>{optionsText(device.entitlement)}</td>
              <td>{advanceReplacementText(device.entitlement)}</td>
              <td data-column="premium">{device.premiumFeatures.length > 0 ? device.premiumFeatures.map(words).join(', ') : 'None'}</td>
              <td>
                {device.installedVersion ?? 'not reported'}
                {device.updateRequired && device.latestVersion && (
                  <span className="sub warn-text">update to {device.latestVersion} available</span>
                )}
              </td>
              <td>
                <LocalDateTime iso={device.registeredAt} zone={device.site.timeZone} />
                <span className="sub">via {words(device.registrationChannel)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
