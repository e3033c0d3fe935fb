import type { DataSource } from 'typeorm';
import { buildFederatedSchema, createSubgraphClient, subgraphUrl, type SubgraphDefinition } from '@polyplus/subgraph-kit';
import { Incident } from './incident/incident.entity';
import { DeviceIncidentsResolver, DeviceReference, IncidentResolver } from './incident/incident.resolver';
import { IncidentService } from './incident/incident.service';
import { DeviceDirectory } from './incident/device-directory';
import { CreateIncidents1795533939999 } from './migrations/1795533939999-create-incidents';

export const incidentsSubgraph: SubgraphDefinition = {
  name: 'incidents',
  database: { entities: [Incident], migrations: [CreateIncidents1795533939999] },
  build(dataSource: DataSource) {
    const directory = new DeviceDirectory(createSubgraphClient('devices', subgraphUrl('devices')));
    const incidents = new IncidentService(dataSource, directory);
    return buildFederatedSchema({
      resolvers: [IncidentResolver, DeviceIncidentsResolver],
      instances: [new IncidentResolver(incidents), new DeviceIncidentsResolver(incidents)],
      references: {
        Incident: (reference) => incidents.findById(reference.id),
        Device: (reference) => new DeviceReference(reference.id),
      },
    });
  },
};
