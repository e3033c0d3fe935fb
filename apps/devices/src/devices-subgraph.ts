import type { DataSource } from 'typeorm';
import { buildFederatedSchema, createSubgraphClient, subgraphUrl, type SubgraphDefinition } from '@polyplus/subgraph-kit';
import { Device } from './device/device.entity';
import { DeviceResolver } from './device/device.resolver';
import { DeviceService } from './device/device.service';
import { CustomerDirectory } from './device/customer-directory';
import { CreateDevices1795533919507 } from './migrations/1795533919507-create-devices';

export const devicesSubgraph: SubgraphDefinition = {
  name: 'devices',
  database: { entities: [Device], migrations: [CreateDevices1795533919507] },
  build(dataSource: DataSource) {
    const directory = new CustomerDirectory(createSubgraphClient('customers', subgraphUrl('customers')));
    const devices = new DeviceService(dataSource, directory);
    return buildFederatedSchema({
      resolvers: [DeviceResolver],
      instances: [new DeviceResolver(devices)],
      references: { Device: (reference) => devices.findById(reference.id) },
    });
  },
};
