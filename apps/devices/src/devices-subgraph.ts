import { createServiceClock } from '@polyplus/clock';
import {
  buildFederatedSchema,
  byIds,
  clockPart,
  createSubgraphClient,
  defineSubgraph,
  subgraphUrl,
  type SubgraphDefinition,
} from '@polyplus/subgraph-kit';
import { DEVICES_ENTITIES, DEVICES_MIGRATIONS } from './devices-database';
import { ProductResolver } from './product/product.resolver';
import { ProductService } from './product/product.service';
import { Device } from './device/device.entity';
import { DeviceResolver } from './device/device.resolver';
import { DeviceService } from './device/device.service';
import { BulkRegistrationResolver } from './device/bulk-registration.resolver';
import { BulkRegistrationService } from './device/bulk-registration.service';
import { CustomerDirectory } from './device/customer-directory';
import { CoverageDirectory } from './coverage/coverage-directory';
import { EntitlementResolver } from './coverage/entitlement.resolver';
import { EntitlementService } from './coverage/entitlement.service';
import { OnsiteRulesService } from './coverage/onsite-rules.service';
import { SoftwareResolver } from './software/software.resolver';
import { SoftwareService } from './software/software.service';
import { LicenceResolver } from './licence/licence.resolver';
import { DeviceLicencesResolver } from './licence/device-licences.resolver';
import { LicenceService } from './licence/licence.service';
import { SoftwareDownload } from './software/software-download.entity';
import { SoftwareDownloadResolver } from './software/software-download.resolver';
import { SoftwareDownloadService } from './software/software-download.service';
import { CoveredDevices } from './software/covered-devices';
import { DocumentationResolver } from './documentation/documentation.resolver';
import { DocumentationService } from './documentation/documentation.service';
import { DevicesPersonalData, DevicesPersonalDataResolver } from './privacy/devices-personal-data';

/** What devices learns from the customers subgraph; tests pass fakes. */
/** `now`: default the service clock (system time in production, the stack's test clock elsewhere). */
export type DevicesCollaborators = { sites?: CustomerDirectory; coverage?: CoverageDirectory; now?: () => Date };

export function createDevicesSubgraph(collaborators: DevicesCollaborators = {}): SubgraphDefinition {
  return defineSubgraph({
    name: 'devices',
    database: { entities: DEVICES_ENTITIES, migrations: DEVICES_MIGRATIONS },
    async build(dataSource) {
      const clock = createServiceClock();
      const now = collaborators.now ?? clock.now;
      const customersClient = createSubgraphClient('customers', subgraphUrl('customers'));
      const sites = collaborators.sites ?? new CustomerDirectory(customersClient);
      const coverage = collaborators.coverage ?? new CoverageDirectory(customersClient);
      const products = new ProductService(dataSource);
      const devices = new DeviceService(dataSource, sites, products);
      const registration = new BulkRegistrationService(dataSource, sites, products);
      const entitlements = new EntitlementService(dataSource, coverage);
      const onsiteRules = new OnsiteRulesService(dataSource);
      const software = new SoftwareService(dataSource, now);
      const licences = new LicenceService(dataSource, now);
      const covered = new CoveredDevices(dataSource, entitlements, now);
      const downloads = new SoftwareDownloadService(dataSource, software, covered, now);
      const documentation = new DocumentationService(dataSource, covered, now);
      const schema = await buildFederatedSchema({
        ownership: { Device: (device: Device) => device.customerId, SoftwareDownload: (download: SoftwareDownload) => download.customerId },
        resolvers: [
          ProductResolver,
          DeviceResolver,
          BulkRegistrationResolver,
          EntitlementResolver,
          SoftwareResolver,
          LicenceResolver,
          DeviceLicencesResolver,
          SoftwareDownloadResolver,
          DocumentationResolver,
          DevicesPersonalDataResolver,
        ],
        instances: [
          new ProductResolver(products),
          new DeviceResolver(devices),
          new BulkRegistrationResolver(registration),
          new EntitlementResolver(entitlements, onsiteRules, now),
          new SoftwareResolver(software, devices),
          new LicenceResolver(licences, devices),
          new DeviceLicencesResolver(licences),
          new SoftwareDownloadResolver(downloads, devices),
          new DocumentationResolver(documentation),
          new DevicesPersonalDataResolver(new DevicesPersonalData(dataSource)),
        ],
        references: {
          Device: byIds((ids) => devices.findByIds(ids)),
          Product: byIds((ids) => products.findByIds(ids)),
        },
      });
      return { ...schema, background: [clockPart(clock)] };
    },
  });
}

export const devicesSubgraph: SubgraphDefinition = createDevicesSubgraph();
