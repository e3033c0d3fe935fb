// Products and licensing: the customer's registered devices, their entitlement and licences.

export type Entitlement = {
  covered: boolean;
  contractId: string | null;
  options: string[];
  purchasedOptions: string[];
  personalDevice: boolean;
  advanceReplacementAllowed: boolean;
  continuousCoverageSince: string | null;
  coveredUntil: string | null;
};

export type Licence = { id: string; feature: string; licenceKey: string; issuedOn: string; expiresOn: string | null };

export type DeviceRow = {
  id: string;
  serialNumber: string;
  productModel: string;
  installedVersion: string | null;
  latestVersion: string | null;
  updateRequired: boolean;
  registrationChannel: string;
  registeredAt: string;
  product: { id: string; model: string; name: string; productType: string };
  site: { id: string; name: string; timeZone: string };
  entitlement: Entitlement;
  licences: Licence[];
  /** Premium Poly Lens features the device's current contract entitles. */
  premiumFeatures: string[];
};

export type Product = { id: string; model: string; name: string; productType: string };

export type ProductsData = { devices: DeviceRow[]; products: Product[] };

export const PRODUCTS_QUERY = `
  query Products($customerId: ID!) {
    devices(customerId: $customerId) {
      id serialNumber productModel installedVersion latestVersion updateRequired registrationChannel registeredAt
      product { id model name productType }
      site { id name timeZone }
      entitlement { covered contractId options purchasedOptions personalDevice advanceReplacementAllowed continuousCoverageSince coveredUntil }
      licences { id feature licenceKey issuedOn expiresOn }
      premiumFeatures
    }
    products { id model name productType }
  }`;

export const REGISTER_DEVICE = `
  mutation RegisterDevice($input: RegisterDeviceInput!) {
    registerDevice(input: $input) { id serialNumber productModel }
  }`;

export type RegisterDeviceData = { registerDevice: { id: string; serialNumber: string; productModel: string } };

export const IMPORT_SERIAL_LIST = `
  mutation ImportSerialList($input: ImportSerialListInput!) {
    importSerialList(input: $input) { registeredCount devices { id serialNumber productModel } }
  }`;

export type ImportSerialListData = {
  importSerialList: { registeredCount: number; devices: { id: string; serialNumber: string; productModel: string }[] };
};

export const LICENCES_BY_SERIAL = `
  query LicencesBySerial($serialNumber: String!) {
    licencesBySerialNumber(serialNumber: $serialNumber) { id feature licenceKey issuedOn expiresOn device { serialNumber productModel } }
  }`;

export type LicencesBySerialData = { licencesBySerialNumber: (Licence & { device: { serialNumber: string; productModel: string } })[] };
