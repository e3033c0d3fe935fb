import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import { startMailPage, startMailSink, type MailSink } from './index';

describe('the development mail sink', () => {
  let directory: string;
  let sink: MailSink;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'mail-sink-'));
    sink = await startMailSink({ directory });
  }, 60_000);

  afterAll(async () => {
    await sink?.close();
    await rm(directory, { recursive: true, force: true });
  }, 60_000);

  const send = (to: string, subject: string) =>
    createTransport(sink.smtpUrl).sendMail({
      from: 'support@polyplus.example',
      to,
      subject,
      text: `About ${subject}`,
      html: `<p>About ${subject}</p>`,
    });

  it('keeps a mail it receives, parsed, and writes it as an .eml file the page lists', async () => {
    await send('olivia@northwind.example', 'Case resolved');
    const [mail] = await sink.waitFor((candidate) => candidate.parsed.subject === 'Case resolved');
    expect(mail.to).toEqual(['olivia@northwind.example']);
    expect(await readdir(directory)).toContain(mail.file?.split('/').pop());
    const page = await startMailPage({ sent: directory });
    try {
      expect(await (await fetch(page.url)).text()).toContain('Case resolved');
    } finally {
      await page.close();
    }
  });

  it('refuses a recipient when told to, and keeps nothing of that mail', async () => {
    sink.setDecision(() => 'reject');
    await expect(send('bounce@northwind.example', 'Refused')).rejects.toThrow(/550/);
    sink.setDecision(() => 'accept');
    expect(sink.messages.some((mail) => mail.parsed.subject === 'Refused')).toBe(false);
  });
});
