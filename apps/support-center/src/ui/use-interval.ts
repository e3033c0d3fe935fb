import { useEffect, useRef } from 'react';

/** Calls `callback` every `ms` while the page is visible (a hidden tab asks nothing). */
export function useInterval(callback: () => void, ms: number): void {
  const saved = useRef(callback);
  saved.current = callback;
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') saved.current();
    }, ms);
    return () => clearInterval(timer);
  }, [ms]);
}
