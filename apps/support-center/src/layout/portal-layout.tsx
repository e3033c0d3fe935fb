import { useId, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { useLiveStatus } from '@polyplus/web-ui';
import { NOTICES_QUERY, unacknowledged, type NoticesData } from '../notices/notice-documents';
import { NOTICES_CONTEXT } from '../ui/live-contexts';
import { Link, useNavigation } from '../routing';
import { ROLE_LABEL } from '../session/sign-in-rules';
import { usePortalSession } from '../session/portal-session';
import { PUBLIC_NAV, SIGNED_IN_NAV, type NavItem } from './navigation';
import { LiveUpdates } from './live-updates';

/** How many published notices the customer has still to acknowledge, beside their section's link. */
function NoticeBadge() {
  const { customer } = usePortalSession();
  const [{ data }] = useQuery<NoticesData>({ query: NOTICES_QUERY, variables: { customerId: customer.id }, context: NOTICES_CONTEXT });
  const count = data ? unacknowledged(data.securityNotices, customer.id).length : 0;
  if (count === 0) return null;
  return (
    <span className="count-badge" role="status">
      {count} to acknowledge
    </span>
  );
}

function Nav({ items, signedIn }: { items: NavItem[]; signedIn: boolean }) {
  const { route } = useNavigation();
  return (
    <nav aria-label="Online Support Center" className="portal-nav">
      <ul>
        {items.map((item) => {
          const current = item.views.includes(route.view);
          return (
            <li key={item.to}>
              <Link to={item.to} aria-current={current ? 'page' : undefined}>
                {item.label}
              </Link>
              {signedIn && item.to === '/notices' && <NoticeBadge />}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function LiveLine() {
  const { status, reason } = useLiveStatus();
  if (status === 'down') {
    return (
      <p role="alert" className="live-line live-down">
        Live updates are interrupted ({reason ?? 'no connection'}); reconnecting. What you see may be out of date.
      </p>
    );
  }
  return (
    <p className="live-line" role="status">
      <span className={`live-dot live-${status}`} aria-hidden="true" />
      {status === 'live' ? 'Live: changes to cases, visits and security notices appear as they happen' : 'Connecting to live updates…'}
    </p>
  );
}

function CustomerSwitch() {
  const { customer, customers, selectCustomer } = usePortalSession();
  const id = useId();
  if (customers.length < 2) return <span className="customer-name">{customer.name}</span>;
  return (
    <span className="customer-switch">
      <label htmlFor={id}>Customer account</label>
      <select id={id} value={customer.id} onChange={(event) => selectCustomer(event.target.value)}>
        {customers.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {candidate.name}
          </option>
        ))}
      </select>
    </span>
  );
}

function SkipLink() {
  return (
    <a className="skip-link" href="#main">
      Skip to content
    </a>
  );
}

/** The page every view sits in: skip link, the header (the brand, then `header`), the links to the sections and the view. */
function PortalFrame({ header, signedIn, children }: { header: ReactNode; signedIn: boolean; children: ReactNode }) {
  return (
    <div className="portal">
      <SkipLink />
      <header className="portal-header">
        <p className="brand">
          <Link to="/">Poly+ Online Support Center</Link>
        </p>
        {header}
      </header>
      <div className="portal-body">
        <Nav items={signedIn ? SIGNED_IN_NAV : PUBLIC_NAV} signedIn={signedIn} />
        <main id="main" className="portal-main" tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}

/** Signed in: the portal's header, sections and live status around the view. */
export function PortalLayout({ children }: { children: ReactNode }) {
  const { me, subject, role, signOut } = usePortalSession();
  const header = (
    <>
      <CustomerSwitch />
      <p className="who">
        {me?.name ?? subject} · {ROLE_LABEL[role]}
        {me && !me.designated && <span className="tag">not a designated contact</span>}
        {me?.designated && <span className="tag tag-ok">designated contact</span>}
      </p>
      <button type="button" className="sign-out" onClick={signOut}>
        Sign out
      </button>
    </>
  );
  return (
    <PortalFrame header={header} signedIn>
      <LiveLine />
      <LiveUpdates />
      {children}
    </PortalFrame>
  );
}

/** Not signed in: the public pages, with the way to sign in. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const header = (
    <Link to="/" className="sign-in-link">
      Sign in
    </Link>
  );
  return (
    <PortalFrame header={header} signedIn={false}>
      {children}
    </PortalFrame>
  );
}
