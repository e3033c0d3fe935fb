import { useCallback, useEffect, useState } from 'react';
import { DateTime } from 'luxon';

export type BoardLocation = { region: string; date: string };

function read(): BoardLocation {
  const params = new URLSearchParams(window.location.search);
  const date = params.get('date');
  return {
    region: (params.get('region') ?? '').toUpperCase(),
    date: date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : (DateTime.local().toISODate() as string),
  };
}

/** The region and local day shown, kept in the address so a reload or a shared link shows the same board. */
export function useBoardLocation(): [BoardLocation, (next: BoardLocation) => void] {
  const [location, setLocation] = useState<BoardLocation>(read);
  useEffect(() => {
    const onPop = () => setLocation(read());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((next: BoardLocation) => {
    const params = new URLSearchParams(window.location.search);
    params.set('region', next.region);
    params.set('date', next.date);
    window.history.pushState(null, '', `?${params.toString()}`);
    setLocation(next);
  }, []);
  return [location, navigate];
}
