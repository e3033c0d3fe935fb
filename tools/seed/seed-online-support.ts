// The Online Support Center's public and downloadable material: the support directory (regional
// telephone numbers, chat, web and video), product documentation per product and version, and a
// published security notice for two demo customers. Loaded through the gateway with the rest of
// the demo data, as vendor staff.
import { graphqlData, type GraphQLTarget } from '@polyplus/local-stack';
import { DEMO_RELEASES } from './demo-data';

const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'];

/** Telephone numbers from the ranges regulators keep for drama and examples, so none rings anyone. */
export const DEMO_SUPPORT_CHANNELS = [
  {
    region: 'Americas',
    countryCode: 'US',
    kind: 'PHONE',
    label: 'Toll-free (US)',
    phoneNumber: '+18005550142',
    available24x7: true,
    languages: ['en', 'es'],
  },
  {
    region: 'Americas',
    countryCode: 'CA',
    kind: 'PHONE',
    label: 'Toll-free (Canada)',
    phoneNumber: '+18885550199',
    available24x7: true,
    languages: ['en', 'fr-CA'],
  },
  {
    region: 'Americas',
    kind: 'CHAT',
    label: 'Chat with a support engineer',
    url: 'https://support.poly.com/chat?region=americas',
    available24x7: true,
    languages: ['en', 'es'],
  },
  {
    region: 'Americas',
    kind: 'VIDEO',
    label: 'Video session with a support engineer',
    url: 'https://support.poly.com/video?region=americas',
    available24x7: false,
    openDays: WEEKDAYS,
    opensAt: '07:00',
    closesAt: '19:00',
    timeZone: 'America/Chicago',
    languages: ['en'],
    notes: 'Book from an open service request; the engineer sends the meeting link.',
  },
  {
    region: 'EMEA',
    countryCode: 'GB',
    kind: 'PHONE',
    label: 'Freephone (UK)',
    phoneNumber: '+448081570456',
    available24x7: true,
    languages: ['en'],
  },
  {
    region: 'EMEA',
    countryCode: 'DE',
    kind: 'PHONE',
    label: 'Kostenfrei (Deutschland)',
    phoneNumber: '+493023125456',
    available24x7: true,
    languages: ['de', 'en'],
  },
  {
    region: 'EMEA',
    countryCode: 'CH',
    kind: 'PHONE',
    label: 'Switzerland',
    phoneNumber: '+41445550123',
    available24x7: false,
    openDays: WEEKDAYS,
    opensAt: '08:00',
    closesAt: '18:00',
    timeZone: 'Europe/Zurich',
    languages: ['de', 'fr', 'en'],
    notes: 'Outside these hours calls are answered by the EMEA 24x7 line in English.',
  },
  {
    region: 'EMEA',
    kind: 'CHAT',
    label: 'Chat with a support engineer',
    url: 'https://support.poly.com/chat?region=emea',
    available24x7: true,
    languages: ['en', 'de', 'fr'],
  },
  {
    region: 'EMEA',
    kind: 'WEB',
    label: 'Open a service request online',
    url: 'https://support.poly.com/service-requests/new',
    available24x7: true,
    languages: ['en', 'de', 'fr', 'es', 'it'],
  },
  {
    region: 'EMEA',
    kind: 'VIDEO',
    label: 'Video session with a support engineer',
    url: 'https://support.poly.com/video?region=emea',
    available24x7: false,
    openDays: WEEKDAYS,
    opensAt: '08:00',
    closesAt: '18:00',
    timeZone: 'Europe/London',
    languages: ['en', 'de'],
  },
  {
    region: 'APAC',
    countryCode: 'AU',
    kind: 'PHONE',
    label: 'Toll-free (Australia)',
    phoneNumber: '+61255500123',
    available24x7: true,
    languages: ['en'],
  },
  {
    region: 'APAC',
    countryCode: 'JP',
    kind: 'PHONE',
    label: 'Japan',
    phoneNumber: '+81355550123',
    available24x7: false,
    openDays: WEEKDAYS,
    opensAt: '09:00',
    closesAt: '18:00',
    timeZone: 'Asia/Tokyo',
    languages: ['ja', 'en'],
  },
  {
    region: 'APAC',
    kind: 'CHAT',
    label: 'Chat with a support engineer',
    url: 'https://support.poly.com/chat?region=apac',
    available24x7: true,
    languages: ['en', 'ja', 'zh-Hans'],
  },
];

const slug = (model: string) => model.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/** The vendor's download link of a demo release. */
export const releaseDownloadUrl = (model: string, version: string) =>
  `https://downloads.poly.com/software/${slug(model)}/${version}/${slug(model)}-${version}.zip`;

type DemoDocument = { title: string; kind: string; softwareVersion?: string; language: string; publishedAt: string };

/** Guides and release notes for the latest release and the one before it, datasheets, and a German guide. */
function documentsOf(model: string): DemoDocument[] {
  const releases = [...(DEMO_RELEASES[model] ?? [])].slice(-2).reverse();
  const published = (releasedOn: string, days: number) => new Date(Date.parse(`${releasedOn}T09:00:00Z`) + days * 86_400_000).toISOString();
  const personal = model === 'Voyager Focus 2';
  const documents: DemoDocument[] = releases.flatMap(({ version, releasedOn }) => [
    {
      title: `${model} Release Notes ${version}`,
      kind: 'RELEASE_NOTES',
      softwareVersion: version,
      language: 'en',
      publishedAt: published(releasedOn, 0),
    },
    {
      title: `${model} ${personal ? 'User Guide' : 'Administrator Guide'} ${version}`,
      kind: personal ? 'USER_GUIDE' : 'ADMIN_GUIDE',
      softwareVersion: version,
      language: 'en',
      publishedAt: published(releasedOn, 2),
    },
  ]);
  if (releases[0] && !personal) {
    documents.push({
      title: `${model} Administratorhandbuch ${releases[0].version}`,
      kind: 'ADMIN_GUIDE',
      softwareVersion: releases[0].version,
      language: 'de-DE',
      publishedAt: published(releases[0].releasedOn, 9),
    });
  }
  documents.push({ title: `${model} Datasheet`, kind: 'DATASHEET', language: 'en', publishedAt: '2025-01-15T09:00:00Z' });
  documents.push({
    title: `${model} ${personal ? 'Quick Start Guide' : 'Installation Guide'}`,
    kind: personal ? 'QUICK_START_GUIDE' : 'INSTALLATION_GUIDE',
    language: 'en',
    publishedAt: '2025-01-15T09:00:00Z',
  });
  return documents;
}

const documentUrl = (model: string, document: DemoDocument) =>
  `https://docs.poly.com/${slug(model)}/${document.language.toLowerCase()}/${slug(document.title)}.pdf`;

/** The security notice the demo's first two customers have been sent; the third is not affected. */
export const DEMO_SECURITY_NOTICE = {
  kind: 'SECURITY',
  severity: 'MEDIUM',
  title: 'Poly Lens configuration export links stayed valid for 30 days instead of 24 hours',
  summary:
    'Links to download a device configuration export from Poly Lens stayed valid for 30 days instead of 24 hours between 2 and 9 March. ' +
    'The exports can contain Wi-Fi and SIP credentials of your devices. We found no use of an export link by anyone outside your organisation. ' +
    'All export links have been revoked. As a precaution, rotate the SIP passwords of devices exported in that period.',
  affected: ['Northwind Trading', 'Contoso GmbH'],
};

export async function seedOnlineSupport(gateway: GraphQLTarget): Promise<{ channels: number; documents: number }> {
  for (const input of DEMO_SUPPORT_CHANNELS) {
    await graphqlData(gateway, 'mutation ($input: SupportChannelInput!) { addSupportChannel(input: $input) { id } }', { input });
  }
  const { products } = await graphqlData<{ products: { id: string; model: string }[] }>(gateway, '{ products { id model } }');
  let documents = 0;
  for (const { id, model } of products) {
    for (const document of documentsOf(model)) {
      await graphqlData(gateway, 'mutation ($input: PublishDocumentInput!) { publishProductDocument(input: $input) { id } }', {
        input: { productId: id, ...document, downloadUrl: documentUrl(model, document) },
      });
      documents++;
    }
  }
  const { customers } = await graphqlData<{ customers: { id: string; name: string }[] }>(gateway, '{ customers { id name } }');
  const affectedCustomerIds = customers
    .filter((customer) => DEMO_SECURITY_NOTICE.affected.includes(customer.name))
    .map((customer) => customer.id);
  if (affectedCustomerIds.length > 0) {
    const { kind, severity, title, summary } = DEMO_SECURITY_NOTICE;
    const detectedAt = new Date(Date.now() - 2 * 86_400_000).toISOString();
    const { recordSecurityNotice } = await graphqlData<{ recordSecurityNotice: { id: string } }>(
      gateway,
      'mutation ($input: RecordSecurityNoticeInput!) { recordSecurityNotice(input: $input) { id } }',
      {
        input: { kind, severity, title, summary, detectedAt, affectedCustomerIds },
      },
    );
    await graphqlData(gateway, 'mutation ($id: ID!) { publishSecurityNotice(id: $id) { id } }', { id: recordSecurityNotice.id });
  }
  return { channels: DEMO_SUPPORT_CHANNELS.length, documents };
}
