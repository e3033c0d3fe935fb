import type { ReactNode } from 'react';

/** What is being fetched, said once, politely. */
export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

/** Nothing to show, and why or what to do. */
export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

/** A change went through: said politely. */
export function Done({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="banner banner-ok">
      {children}
    </p>
  );
}
