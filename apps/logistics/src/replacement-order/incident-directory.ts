import { fetchById, notFound, type SubgraphClient } from '@polyplus/subgraph-kit';

/** Asks the incidents subgraph (it owns support cases) whether a case exists. */
export class IncidentDirectory {
  constructor(private readonly incidents: SubgraphClient) {}

  async assertExists(incidentId: string): Promise<void> {
    if (!(await fetchById(this.incidents, 'incident', incidentId))) throw notFound('Incident', incidentId);
  }
}
