import type { DataSource } from 'typeorm';
import {
  contactActors,
  isContactExport,
  MappedPersonalData,
  ofCustomer,
  personalDataResolver,
  querySection,
  type ExportSection,
  type ExportSubject,
  type PersonalDataMap,
} from '@polyplus/privacy';
import { Device } from '../device/device.entity';
import { Licence } from '../licence/licence.entity';
import { SoftwareDownload } from '../software/software-download.entity';

/** Every table of the devices service: where a contact's personal data is, and why the others hold none. */
export const DEVICES_PERSONAL_DATA: PersonalDataMap = [
  { table: 'software_download', scope: ofCustomer, actors: ['downloadedBy'] },
  { table: 'device', holdsNoPersonalData: 'the customer’s registered devices: serial numbers, products, sites' },
  { table: 'licence', holdsNoPersonalData: 'licences of the customer’s devices' },
  { table: 'product', holdsNoPersonalData: 'the product catalogue' },
  { table: 'onsite_availability_rule', holdsNoPersonalData: 'where the onsite option is offered' },
  { table: 'software_release', holdsNoPersonalData: 'published software releases' },
  { table: 'product_document', holdsNoPersonalData: 'vendor documentation, published by vendor staff' },
];

/** A download record as exported: what was fetched, when, by whom, and the link given. */
const downloadView = ({ release: _release, ...download }: SoftwareDownload) => download;

/** A contact's export holds the downloads they made; a customer's its devices, their licences and every download. */
export function devicesExportSections(dataSource: DataSource, subject: ExportSubject): ExportSection[] {
  const downloads = () =>
    dataSource
      .getRepository(SoftwareDownload)
      .createQueryBuilder('download')
      .where('download.customerId = :customerId', { customerId: subject.customerId });
  if (isContactExport(subject)) {
    const actors = contactActors(subject.contactId, subject.email);
    return [
      querySection('softwareDownloads', {
        key: 'id',
        query: () => downloads().andWhere('download.downloadedBy IN (:...actors)', { actors }),
        view: downloadView,
      }),
    ];
  }
  return [
    querySection('devices', {
      key: 'id',
      query: () =>
        dataSource
          .getRepository(Device)
          .createQueryBuilder('device')
          .where('device.customerId = :customerId', { customerId: subject.customerId }),
      view: ({ product: _product, ...device }: Device) => device,
    }),
    querySection('licences', {
      key: 'id',
      query: () =>
        dataSource
          .getRepository(Licence)
          .createQueryBuilder('licence')
          .innerJoin('licence.device', 'device')
          .where('device.customerId = :customerId', { customerId: subject.customerId }),
      view: ({ device: _device, ...licence }: Licence) => licence,
    }),
    querySection('softwareDownloads', { key: 'id', query: downloads, view: downloadView }),
  ];
}

/** The devices service's part of personal-data exports and erasures. */
export class DevicesPersonalData extends MappedPersonalData {
  constructor(dataSource: DataSource) {
    super(dataSource, DEVICES_PERSONAL_DATA, devicesExportSections);
  }
}

export const DevicesPersonalDataResolver = personalDataResolver('devices');
