import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The view's title: the page title follows it, and after moving to another view the keyboard and
 * screen-reader focus start here, as after a page load.
 */
export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Online Support Center`;
    if (document.activeElement && document.activeElement !== document.body && !document.activeElement.closest('nav')) return;
    heading.current?.focus({ preventScroll: true });
  }, [title]);
  return (
    <div className="page-title">
      <h1 tabIndex={-1} ref={heading}>
        {title}
      </h1>
      {children}
    </div>
  );
}
