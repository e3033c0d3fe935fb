import { Product } from './product/product.entity';
import { Device } from './device/device.entity';
import { OnsiteAvailabilityRule } from './coverage/onsite-availability-rule.entity';
import { SoftwareRelease } from './software/software-release.entity';
import { Licence } from './licence/licence.entity';
import { SoftwareDownload } from './software/software-download.entity';
import { ProductDocument } from './documentation/product-document.entity';
import { CreateDevices1795533919507 } from './migrations/1795533919507-create-devices';
import { ProductsCoverageSoftwareLicences1795537268482 } from './migrations/1795537268482-products-coverage-software-licences';
import { DocumentationSoftwareDownloads1796168451793 } from './migrations/1796168451793-documentation-software-downloads';

export const DEVICES_ENTITIES = [Product, Device, OnsiteAvailabilityRule, SoftwareRelease, Licence, SoftwareDownload, ProductDocument];

export const DEVICES_MIGRATIONS = [
  CreateDevices1795533919507,
  ProductsCoverageSoftwareLicences1795537268482,
  DocumentationSoftwareDownloads1796168451793,
];
