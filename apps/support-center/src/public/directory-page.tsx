import { useQuery } from 'urql';
import { ApiErrorMessage } from '../ui/api-error-message';
import { PageHeading } from '../ui/page-heading';
import { Empty, Loading } from '../ui/states';
import { words } from '../ui/words';

const DIRECTORY = `
  query SupportDirectory {
    supportDirectory { id region countryCode kind label phoneNumber url hours openNow languages notes }
  }`;

type Channel = {
  id: string;
  region: string;
  countryCode: string | null;
  kind: 'PHONE' | 'CHAT' | 'WEB' | 'VIDEO';
  label: string;
  phoneNumber: string | null;
  url: string | null;
  /** The hours in one line, as the support service states them ("24x7", or days and local hours). */
  hours: string;
  openNow: boolean;
  languages: string[];
  notes: string | null;
};

function How({ channel }: { channel: Channel }) {
  if (channel.kind === 'PHONE' && channel.phoneNumber) return <a href={`tel:${channel.phoneNumber}`}>{channel.phoneNumber}</a>;
  if (channel.url)
    return (
      <a href={channel.url} rel="noopener noreferrer">
        {channel.url.replace(/^https:\/\//, '')}
      </a>
    );
  return <>—</>;
}

/** 24x7 Priority Support: regional telephone numbers and chat, web and video links, open to anyone. */
export function DirectoryPage() {
  const [{ data, error, fetching }] = useQuery<{ supportDirectory: Channel[] }>({ query: DIRECTORY });
  const regions = [...new Set((data?.supportDirectory ?? []).map((channel) => channel.region))].sort();
  return (
    <>
      <PageHeading title="Contact support" />
      <p>
        Poly+ customers reach support 24x7 by phone, chat, web and video. Designated contacts open cases; have your product’s serial number
        at hand.
      </p>
      {error && <ApiErrorMessage error={error} />}
      {!data && fetching && <Loading what="the support directory" />}
      {data && regions.length === 0 && <Empty>No contact channels are published yet.</Empty>}
      {regions.map((region) => (
        <div key={region} className="table-wrap" tabIndex={0} role="region" aria-label={`Support in ${region}`} data-region={region}>
          <table className="data-table directory">
            <caption>{region}</caption>
            <thead>
              <tr>
                <th scope="col">Channel</th>
                <th scope="col">How</th>
                <th scope="col">For</th>
                <th scope="col">Hours</th>
                <th scope="col">Languages</th>
              </tr>
            </thead>
            <tbody>
              {data!.supportDirectory
                .filter((channel) => channel.region === region)
                .map((channel) => (
                  <tr key={channel.id} data-kind={channel.kind}>
                    <th scope="row">
                      {channel.label}
                      <span className="sub">{words(channel.kind)}</span>
                    </th>
                    <td>
                      <How channel={channel} />
                    </td>
                    <td>{channel.countryCode ?? `All of ${region}`}</td>
                    <td>
                      {channel.hours}
                      <span className={`sub ${channel.openNow ? 'ok-text' : ''}`}>{channel.openNow ? 'Open now' : 'Closed now'}</span>
                      {channel.notes && <span className="sub">{channel.notes}</span>}
                    </td>
                    <td>{channel.languages.join(', ')}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      ))}
    </>
  );
}
