import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { apiProblem } from '@polyplus/web-ui';
import { ApiErrorMessage } from '../ui/api-error-message';
import { Loading } from '../ui/states';
import { customerClaims, type CustomerRole } from './sign-in-rules';

export type Site = { id: string; name: string; city: string | null; countryCode: string; timeZone: string };
export type Contract = { id: string; reference: string; startsOn: string; endsOn: string; options: string[]; premiumFeatures: string[] };
export type CustomerAccount = { id: string; name: string; sites: Site[]; contracts: Contract[] };
export type Me = { id: string; name: string; email: string; role: 'ADMIN' | 'TECHNICIAN'; designated: boolean };

export type PortalSession = {
  /** The bearer token, for the file transfers that go beside GraphQL (/files/). */
  token: string;
  role: CustomerRole;
  subject: string;
  /** The customer account shown (a person may act for several). */
  customer: CustomerAccount;
  customers: CustomerAccount[];
  selectCustomer(id: string): void;
  /** The signed-in person as a contact of the customer, when the token names one. */
  me: Me | null;
  /** The zone for times that belong to no one site: the customer's first site's. */
  homeZone: string;
  signOut(): void;
};

const PORTAL_CONTEXT = `
  query PortalContext($contactId: ID!, $withContact: Boolean!) {
    customers { id name sites { id name city countryCode timeZone } contracts { id reference startsOn endsOn options premiumFeatures } }
    contact(id: $contactId) @include(if: $withContact) { id name email role designated }
  }`;

type PortalContextData = { customers: CustomerAccount[]; contact?: Me | null };

const SessionContext = createContext<PortalSession | null>(null);

export function usePortalSession(): PortalSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('usePortalSession outside a signed-in portal');
  return session;
}

/** Signed in: who the caller is and for which customer account, read once through the gateway. */
export function PortalSessionProvider({ token, signOut, children }: { token: string; signOut(): void; children: ReactNode }) {
  const claims = useMemo(() => customerClaims(token), [token]);
  const [selected, setSelected] = useState<string | null>(null);
  const [{ data, error, fetching }] = useQuery<PortalContextData>({
    query: PORTAL_CONTEXT,
    variables: { contactId: claims?.contactId ?? '', withContact: Boolean(claims?.contactId) },
    pause: !claims,
  });
  const session = useMemo<PortalSession | null>(() => {
    if (!claims || !data || data.customers.length === 0) return null;
    const customer = data.customers.find((candidate) => candidate.id === selected) ?? data.customers[0];
    return {
      token,
      role: claims.role,
      subject: claims.subject,
      customer,
      customers: data.customers,
      selectCustomer: setSelected,
      me: data.contact ?? null,
      homeZone: customer.sites[0]?.timeZone ?? 'UTC',
      signOut,
    };
  }, [claims, data, selected, signOut, token]);
  if (!claims) {
    return (
      <main className="sign-in" id="main">
        <h1>Online Support Center</h1>
        <p role="alert" className="error">
          The stored sign-in is not one for a customer account.
        </p>
        <button type="button" onClick={signOut}>
          Sign in again
        </button>
      </main>
    );
  }
  if (error && !data) {
    const problem = apiProblem(error);
    return (
      <main className="sign-in" id="main">
        <h1>Online Support Center</h1>
        <ApiErrorMessage error={error} />
        <button type="button" onClick={signOut}>
          {problem.code === 'UNAUTHENTICATED' ? 'Sign in again' : 'Sign out'}
        </button>
      </main>
    );
  }
  if (!session) {
    return (
      <main className="sign-in" id="main">
        <h1>Online Support Center</h1>
        {fetching || !data ? <Loading what="your account" /> : <p className="error">No customer account is open to this sign-in.</p>}
      </main>
    );
  }
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
