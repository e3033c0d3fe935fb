import { Link } from '../routing';
import { PageHeading } from './page-heading';

export function NotFoundPage({ path }: { path: string }) {
  return (
    <>
      <PageHeading title="Page not found" />
      <p>
        There is no page at <code>{path}</code>. <Link to="/">Go to the overview</Link>.
      </p>
    </>
  );
}
