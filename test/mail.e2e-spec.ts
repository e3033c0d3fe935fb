import nodemailer from 'nodemailer';
import { graphqlData } from '@polyplus/local-stack';
import type { SunkMail } from '@polyplus/mail-sink';
import { startE2eStack, type E2eStack } from './support/e2e-stack';

let stack: E2eStack;
let customerId: string;
let contactId: string;
const DESIGNATED = 'dana.serials@initrode.example';
const SERIALS = 'serials@polyplus.test';

beforeAll(async () => {
  stack = await startE2eStack('e2e_mail');
  const url = stack.gateway;
  ({
    createCustomer: { id: customerId },
  } = await graphqlData<{ createCustomer: { id: string } }>(url, 'mutation { createCustomer(input: { name: "Initrode" }) { id } }'));
  await graphqlData(url, 'mutation ($input: CreateSiteInput!) { createSite(input: $input) { id } }', {
    input: { customerId, name: 'Initrode Berlin', countryCode: 'DE', subdivision: 'BE', timeZone: 'Europe/Berlin' },
  });
  ({
    addContact: { id: contactId },
  } = await graphqlData<{ addContact: { id: string } }>(url, 'mutation ($input: AddContactInput!) { addContact(input: $input) { id } }', {
    input: { customerId, email: DESIGNATED, name: 'Dana Schmidt', role: 'TECHNICIAN', designated: true },
  }));
  await graphqlData(url, 'mutation ($input: AddContactInput!) { addContact(input: $input) { id } }', {
    input: { customerId, email: 'not.designated@initrode.example', name: 'Nils Nobody', role: 'TECHNICIAN', designated: false },
  });
}, 180_000);

afterAll(() => stack?.teardown(), 60_000);

function receiver() {
  return nodemailer.createTransport(stack.mail.receiverUrl, { tls: { rejectUnauthorized: false } } as never);
}

async function serialsOf(): Promise<string[]> {
  const { devices } = await graphqlData<{ devices: { serialNumber: string }[] }>(
    stack.gateway,
    'query ($id: ID!) { devices(customerId: $id) { serialNumber } }',
    { id: customerId },
  );
  return devices.map((device) => device.serialNumber).sort();
}

async function replyTo(subject: string): Promise<SunkMail> {
  const sink = stack.mail.sink;
  if (!sink) throw new Error('the stack has no mail sink');
  const [reply] = await sink.waitFor((mail) => mail.to.includes(DESIGNATED) && mail.parsed.subject === `Re: ${subject}`);
  return reply;
}

describe('serial numbers by e-mail', () => {
  it('a designated contact’s CSV list registers the devices, and the reply reports each row', async () => {
    const subject = 'Serials for Berlin';
    await receiver().sendMail({
      from: `Dana Schmidt <${DESIGNATED}>`,
      to: SERIALS,
      subject,
      text: 'Hello, please register the attached devices.\n\nDana',
      attachments: [
        {
          filename: 'devices.csv',
          contentType: 'text/csv',
          content: 'Serial number,Model\nMAIL-ROOM-0001,Studio X50\nmail-room-0002 , Studio X50\nMAIL-HEAD-0003;Voyager Focus 2\n',
        },
      ],
    });
    const reply = await replyTo(subject);
    expect(reply.parsed.text).toContain('All 3 devices were registered at Initrode Berlin.');
    expect(reply.parsed.text).toContain('row 2: MAIL-ROOM-0001 (Studio X50)');
    expect(reply.parsed.text).toContain('row 3: MAIL-ROOM-0002 (Studio X50)');
    expect(reply.parsed.text).toContain('row 4: MAIL-HEAD-0003 (Voyager Focus 2)');
    expect(reply.parsed.inReplyTo).toBeDefined();
    expect(await serialsOf()).toEqual(['MAIL-HEAD-0003', 'MAIL-ROOM-0001', 'MAIL-ROOM-0002']);
    // The reply is in the contact's delivery log, readable by the contact through the gateway.
    const me = await stack.as({ subject: 'dana', role: 'CUSTOMER_TECHNICIAN', customerIds: [customerId], contactId });
    const { contact } = await graphqlData<{
      contact: { notificationPreferences: { mode: string }; mailDeliveries: { kind: string; status: string }[] };
    }>(me, 'query ($id: ID!) { contact(id: $id) { notificationPreferences { mode } mailDeliveries { kind status } } }', { id: contactId });
    expect(contact.notificationPreferences.mode).toBe('IMMEDIATE');
    expect(contact.mailDeliveries.map((delivery) => delivery.kind)).toContain('SERIAL_LIST_REPLY');
  }, 120_000);

  it('mail from an unknown sender is refused unread and registers nothing', async () => {
    const before = await serialsOf();
    await expect(
      receiver().sendMail({ from: 'stranger@elsewhere.example', to: SERIALS, subject: 'Serials', text: 'MAIL-EVIL-0001,Studio X50\n' }),
    ).rejects.toMatchObject({ responseCode: 550 });
    await expect(
      receiver().sendMail({
        from: 'not.designated@initrode.example',
        to: SERIALS,
        subject: 'Serials',
        text: 'MAIL-EVIL-0002,Studio X50\n',
      }),
    ).rejects.toMatchObject({ responseCode: 550 });
    expect(await serialsOf()).toEqual(before);
    expect(stack.mail.sink?.messages.filter((mail) => mail.to.includes('stranger@elsewhere.example'))).toEqual([]);
  }, 120_000);

  it('a malformed CSV gets a reply naming the bad rows, and nothing of it is registered', async () => {
    const before = await serialsOf();
    const subject = 'More serials';
    await receiver().sendMail({
      from: DESIGNATED,
      to: SERIALS,
      subject,
      attachments: [
        {
          filename: 'more.csv',
          content:
            'MAIL-GOOD-0004,Studio X50\nbad serial!,Studio X50\nMAIL-GOOD-0005,No Such Model\nMAIL-GOOD-0006\nMAIL-ROOM-0001,Studio X50\n',
        },
      ],
    });
    const reply = await replyTo(subject);
    expect(reply.parsed.text).toContain('Nothing was registered: 4 rows of the list cannot be registered.');
    expect(reply.parsed.text).toMatch(/row 2: BAD SERIAL!: serialNumber must be/);
    expect(reply.parsed.text).toContain('row 3: MAIL-GOOD-0005: Unknown product model No Such Model');
    expect(reply.parsed.text).toContain('row 4: MAIL-GOOD-0006: a line must be "SERIAL,MODEL"');
    expect(reply.parsed.text).toContain('row 5: MAIL-ROOM-0001: Serial number MAIL-ROOM-0001 is already registered');
    expect(await serialsOf()).toEqual(before);
  }, 120_000);

  it('a list in the message body, between a greeting and a signature, is registered', async () => {
    const subject = 'Two more';
    await receiver().sendMail({
      from: DESIGNATED,
      to: SERIALS,
      subject,
      text: 'Hi support,\n\nhere are two more:\n\nMAIL-BODY-0007, Studio X50\nMAIL-BODY-0008, Studio X50\n\nThanks, Dana\n-- \nDana Schmidt, Initrode IT, +49 30 1234, ext 5\n',
    });
    const reply = await replyTo(subject);
    expect(reply.parsed.text).toContain('All 2 devices were registered');
    expect(reply.parsed.text).toContain('row 5: MAIL-BODY-0007 (Studio X50)');
    expect(await serialsOf()).toEqual(expect.arrayContaining(['MAIL-BODY-0007', 'MAIL-BODY-0008']));
  }, 120_000);
});
