import { useCallback } from 'react';
import { useMutation, type CombinedError } from 'urql';
import { MOVE_VISIT_MUTATION } from '../graphql/documents';

/** The API's own words for a refused change (e.g. the CONFLICT reason), not the client's wrapper text. */
export function apiMessage(error: CombinedError): string {
  return error.graphQLErrors[0]?.message ?? error.networkError?.message ?? error.message;
}

export type MoveResult = { ok: true } | { ok: false; message: string };

/** moveOnsiteVisit: pins the visit to a technician and start when the API finds it feasible. */
export function useMoveVisit(): [boolean, (visitId: string, technicianId: string, start: string) => Promise<MoveResult>] {
  const [state, execute] = useMutation(MOVE_VISIT_MUTATION);
  const move = useCallback(
    async (visitId: string, technicianId: string, start: string): Promise<MoveResult> => {
      // The board lists visits by typename: the document cache re-reads it after this mutation.
      const result = await execute({ id: visitId, technicianId, start }, { additionalTypenames: ['OnsiteVisit', 'RegionBoard'] });
      return result.error ? { ok: false, message: apiMessage(result.error) } : { ok: true };
    },
    [execute],
  );
  return [state.fetching, move];
}
