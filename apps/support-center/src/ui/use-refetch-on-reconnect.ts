import { useEffect, useRef } from 'react';
import { useLiveStatus } from '@polyplus/web-ui';

/** Events sent while the socket was down are not replayed: after a reconnect, read the view again. */
export function useRefetchOnReconnect(refetch: () => void): void {
  const { connections } = useLiveStatus();
  const seen = useRef(connections);
  const saved = useRef(refetch);
  saved.current = refetch;
  useEffect(() => {
    if (connections > 1 && connections !== seen.current) saved.current();
    seen.current = connections;
  }, [connections]);
}
