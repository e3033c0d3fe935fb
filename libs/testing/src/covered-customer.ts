import { graphqlData, type GraphQLTarget } from '@polyplus/local-stack';

/** What a test or benchmark may choose about a covered customer; the rest is a London site, a Studio X50 and an open-ended contract. */
export type CoveredCustomerSpec = {
  name: string;
  serial: string;
  /** Over `{ name: 'HQ', countryCode: 'GB', timeZone: 'Europe/London' }`, e.g. a subdivision or coordinates. */
  site?: Record<string, unknown>;
  /** The designated technician; `Tech` at `tech@<serial>.example` unless given. */
  technician?: { name?: string; email?: string };
  /** The contract's reference (`PP-<serial>` unless given) and options (e.g. `['ONSITE']`). */
  contract?: { reference?: string; options?: string[] };
};

export type CoveredCustomer = { customerId: string; siteId: string; contactId: string; deviceId: string };

/**
 * Creates through the gateway, as `staff` (vendor staff), a customer with one site, a designated technician
 * and one device covered by a contract from 2025 to 2099: what opening a case needs.
 */
export async function createCoveredCustomer(staff: GraphQLTarget, spec: CoveredCustomerSpec): Promise<CoveredCustomer> {
  const { createCustomer } = await graphqlData<{ createCustomer: { id: string } }>(
    staff,
    'mutation ($name: String!) { createCustomer(input: { name: $name }) { id } }',
    { name: spec.name },
  );
  const customerId = createCustomer.id;
  const input = (value: Record<string, unknown>) => ({ input: { customerId, ...value } });
  const { createSite } = await graphqlData<{ createSite: { id: string } }>(
    staff,
    'mutation ($input: CreateSiteInput!) { createSite(input: $input) { id } }',
    input({ name: 'HQ', countryCode: 'GB', timeZone: 'Europe/London', ...spec.site }),
  );
  const { addContact } = await graphqlData<{ addContact: { id: string } }>(
    staff,
    'mutation ($input: AddContactInput!) { addContact(input: $input) { id } }',
    input({
      email: spec.technician?.email ?? `tech@${spec.serial.toLowerCase()}.example`,
      name: spec.technician?.name ?? 'Tech',
      role: 'TECHNICIAN',
      designated: true,
    }),
  );
  const { registerDevice } = await graphqlData<{ registerDevice: { id: string } }>(
    staff,
    'mutation ($input: RegisterDeviceInput!) { registerDevice(input: $input) { id } }',
    input({ siteId: createSite.id, serialNumber: spec.serial, productModel: 'Studio X50' }),
  );
  await graphqlData(
    staff,
    'mutation ($input: CreateContractInput!) { createContract(input: $input) { id } }',
    input({
      reference: spec.contract?.reference ?? `PP-${spec.serial}`,
      startsOn: '2025-01-01',
      endsOn: '2099-12-31',
      ...(spec.contract?.options ? { options: spec.contract.options } : {}),
      deviceIds: [registerDevice.id],
    }),
  );
  return { customerId, siteId: createSite.id, contactId: addContact.id, deviceId: registerDevice.id };
}

/** What a case is opened with besides its device and contact, e.g. `{ severity: 2, channel: 'PHONE', summary: 'Camera module dead' }`. */
export type CaseSpec = { severity: number; channel: string; summary: string };

/** Opens, through the gateway as `staff`, a case on the customer's covered device for its designated contact; the case's id. */
export async function openCoveredCase(
  staff: GraphQLTarget,
  customer: Pick<CoveredCustomer, 'contactId' | 'deviceId'>,
  spec: CaseSpec,
): Promise<string> {
  const { openIncident } = await graphqlData<{ openIncident: { id: string } }>(
    staff,
    'mutation ($input: OpenIncidentInput!) { openIncident(input: $input) { id } }',
    { input: { contactId: customer.contactId, deviceId: customer.deviceId, ...spec } },
  );
  return openIncident.id;
}
