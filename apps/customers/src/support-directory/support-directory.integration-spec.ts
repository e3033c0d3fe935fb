import type { GraphQLSchema } from 'graphql';
import { anonymousPrincipal, type Principal } from '@polyplus/auth';
import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import { executeOperation, operationData } from '@polyplus/testing';
import { createCustomersSubgraph, customersSubgraph } from '../customers-subgraph';
import { FakeDevices } from '../testing/fake-devices';

const ADD = 'mutation ($input: SupportChannelInput!) { addSupportChannel(input: $input) { id } }';
const UPDATE = 'mutation ($id: ID!, $input: SupportChannelInput!) { updateSupportChannel(id: $id, input: $input) { id label } }';
const DIRECTORY = `query ($region: String, $countryCode: String) {
  supportDirectory(region: $region, countryCode: $countryCode) { region countryCode kind label phoneNumber url available24x7 openDays opensAt closesAt timeZone hours openNow languages notes }
}`;
const admin: Principal = { subject: 'olivia', role: 'CUSTOMER_ADMIN', customerIds: ['c1'] };

const ukPhone = {
  region: 'EMEA',
  countryCode: 'GB',
  kind: 'PHONE',
  label: 'Toll-free',
  phoneNumber: '+448001234567',
  available24x7: true,
  languages: ['en'],
};
const dePhone = {
  region: 'EMEA',
  countryCode: 'DE',
  kind: 'PHONE',
  label: 'Kostenfrei',
  phoneNumber: '+498001234567',
  available24x7: true,
  languages: ['de', 'en'],
};
const emeaChat = {
  region: 'EMEA',
  kind: 'CHAT',
  label: 'Chat with a support engineer',
  url: 'https://support.poly.com/chat?region=emea',
  available24x7: false,
  openDays: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'],
  opensAt: '08:00',
  closesAt: '18:00',
  timeZone: 'Europe/Berlin',
  languages: ['en', 'de', 'fr'],
};
const usVideo = {
  region: 'Americas',
  countryCode: 'US',
  kind: 'VIDEO',
  label: 'Video session',
  url: 'https://support.poly.com/video',
  available24x7: true,
  languages: ['en', 'es-419'],
};

describe('support directory ("Support is available via chat, phone, web and video"; regional telephone numbers)', () => {
  let db: TestDatabase;
  let schema: GraphQLSchema;
  // Wednesday 4 March 2026, 12:00 in Berlin.
  const now = new Date('2026-03-04T11:00:00Z');
  const rows = async () => db.dataSource.query('SELECT * FROM support_channel ORDER BY id');

  beforeAll(async () => {
    db = await createTestDatabase('customers_directory', customersSubgraph.database);
    ({ schema } = await createCustomersSubgraph({ devices: new FakeDevices().directory, now: () => now }).build(db.dataSource));
    for (const input of [ukPhone, dePhone, emeaChat, usVideo]) await operationData(schema, ADD, { input });
  }, 120_000);
  afterAll(() => db.drop(), 60_000);

  it('the directory is readable without signing in: regional phone numbers and chat, web and video links with hours and languages', async () => {
    const { supportDirectory } = await operationData<{ supportDirectory: Record<string, unknown>[] }>(
      schema,
      DIRECTORY,
      {},
      anonymousPrincipal(),
    );
    expect(supportDirectory.map((channel) => [channel.region, channel.countryCode, channel.kind, channel.hours])).toEqual([
      ['Americas', 'US', 'VIDEO', '24x7'],
      ['EMEA', null, 'CHAT', 'Mon–Fri 08:00–18:00 Europe/Berlin'],
      ['EMEA', 'DE', 'PHONE', '24x7'],
      ['EMEA', 'GB', 'PHONE', '24x7'],
    ]);
    expect(supportDirectory[1]).toMatchObject({
      url: 'https://support.poly.com/chat?region=emea',
      openNow: true,
      languages: ['en', 'de', 'fr'],
      phoneNumber: null,
    });
  });

  it('for a country: its own channels and its region’s region-wide ones', async () => {
    const { supportDirectory } = await operationData<{ supportDirectory: { kind: string; countryCode: string | null }[] }>(
      schema,
      DIRECTORY,
      { countryCode: 'DE' },
      anonymousPrincipal(),
    );
    expect(supportDirectory.map((channel) => [channel.countryCode, channel.kind])).toEqual([
      [null, 'CHAT'],
      ['DE', 'PHONE'],
    ]);
  });

  it('stated hours say whether the channel is staffed now, in its own time zone', async () => {
    const saturday = await createCustomersSubgraph({
      devices: new FakeDevices().directory,
      now: () => new Date('2026-03-07T11:00:00Z'),
    }).build(db.dataSource);
    const { supportDirectory } = await operationData<{ supportDirectory: { kind: string; openNow: boolean }[] }>(
      saturday.schema,
      DIRECTORY,
      { region: 'EMEA' },
      anonymousPrincipal(),
    );
    expect(supportDirectory.map((channel) => [channel.kind, channel.openNow])).toEqual([
      ['CHAT', false],
      ['PHONE', true],
      ['PHONE', true],
    ]);
  });

  it('support staff maintain the directory; customers and anonymous callers may not change it, and nothing is written', async () => {
    const before = await rows();
    for (const principal of [admin, anonymousPrincipal()]) {
      const result = await executeOperation(schema, ADD, { input: ukPhone }, principal);
      expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect(await rows()).toEqual(before);
    const [{ id }] = before.filter((row: { label: string }) => row.label === 'Toll-free');
    const { updateSupportChannel } = await operationData<{ updateSupportChannel: { label: string } }>(schema, UPDATE, {
      id,
      input: { ...ukPhone, label: 'Freephone' },
    });
    expect(updateSupportChannel.label).toBe('Freephone');
    expect((await db.dataSource.query('SELECT updatedBy FROM support_channel WHERE id = ?', [id]))[0].updatedBy).toBe(
      'SUPPORT_ENGINEER:test-engineer',
    );
  });

  it.each([
    ['a phone number that is not E.164', { ...ukPhone, phoneNumber: '0800 123 4567' }, 'phoneNumber'],
    ['a phone channel without a number', { ...ukPhone, phoneNumber: undefined }, 'phoneNumber'],
    ['a phone channel with a link', { ...ukPhone, url: 'https://support.poly.com/' }, 'url'],
    ['a chat link over plain http', { ...emeaChat, url: 'http://support.poly.com/chat' }, 'url'],
    ['a video link to an IP address', { ...usVideo, url: 'https://10.1.2.3/video' }, 'url'],
    ['a link of 2,001 characters', { ...usVideo, url: `https://support.poly.com/${'x'.repeat(2000)}` }, 'url'],
    ['a chat channel without a link', { ...emeaChat, url: undefined }, 'url'],
    ['stated hours without a time zone', { ...emeaChat, timeZone: undefined }, 'timeZone'],
    ['an unknown time zone', { ...emeaChat, timeZone: 'Europe/Atlantis' }, 'timeZone'],
    ['closing before opening', { ...emeaChat, opensAt: '18:00', closesAt: '08:00' }, 'closesAt'],
    ['an opening time of 25:00', { ...emeaChat, opensAt: '25:00' }, 'opensAt'],
    ['stated hours without days', { ...emeaChat, openDays: [] }, 'openDays'],
    ['a day named twice', { ...emeaChat, openDays: ['MONDAY', 'MONDAY'] }, 'openDays'],
    ['a 24x7 channel with hours', { ...ukPhone, opensAt: '08:00' }, 'opensAt'],
    ['no language', { ...ukPhone, languages: [] }, 'languages'],
    ['a language that is not a BCP 47 tag', { ...ukPhone, languages: ['English'] }, 'languages'],
    [
      'thirteen languages',
      { ...ukPhone, languages: ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'pl', 'sv', 'da', 'fi', 'no', 'cs'] },
      'languages',
    ],
    ['a country code that names no country', { ...ukPhone, countryCode: 'ZZ' }, 'countryCode'],
    ['a blank region', { ...ukPhone, region: '   ' }, 'region'],
    ['a region of 61 characters', { ...ukPhone, region: 'x'.repeat(61) }, 'region'],
    ['a label of 101 characters', { ...ukPhone, label: 'x'.repeat(101) }, 'label'],
    ['notes of 501 characters', { ...ukPhone, notes: 'x'.repeat(501) }, 'notes'],
  ])('%s is BAD_USER_INPUT naming the field, and nothing is written', async (_case, input, field) => {
    const before = await rows();
    const result = await executeOperation(schema, ADD, { input });
    const extensions = result.errors?.[0].extensions as { code: string; field?: string; fields?: { field: string }[] };
    expect(extensions.code).toBe('BAD_USER_INPUT');
    expect(extensions.field ?? extensions.fields?.map((problem) => problem.field)).toEqual(extensions.field ? field : [field]);
    expect(await rows()).toEqual(before);
  });

  it('an unknown channel is NOT_FOUND when updated or removed', async () => {
    const update = await executeOperation(schema, UPDATE, { id: '00000000-0000-4000-8000-000000000000', input: ukPhone });
    expect(update.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const remove = await executeOperation(schema, 'mutation { removeSupportChannel(id: "00000000-0000-4000-8000-000000000000") }');
    expect(remove.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
