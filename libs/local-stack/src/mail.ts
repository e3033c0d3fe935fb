import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMailPage, startMailSink, type MailPage, type MailSink } from '@polyplus/mail-sink';

/** Where a stack's mail goes and comes from, as `npm start` prints it. */
export type StackMail = {
  /** The local SMTP sink the product sends to (null when `SMTP_URL` pointed elsewhere). */
  sink: MailSink | null;
  /** Folder of `.eml` files the sink wrote: every mail the product sent. */
  sentDir: string | null;
  /** Folder of `.eml` copies of what the receiver got (development only). */
  receivedDir: string;
  /** The product's receiver: send serial lists here. */
  receiverUrl: string;
  serialListAddress: string;
  /** A page listing both folders, when asked for. */
  page: MailPage | null;
  close(): Promise<void>;
};

export type StackMailOptions = {
  /** Folder for `sent/` and `received/`; default a new temporary folder. */
  directory?: string;
  /** Also serve a page over the folders. */
  page?: boolean;
  freePort: () => Promise<number>;
};

/**
 * Mail for a local stack: unless `SMTP_URL` is set, a sink on a free port keeps every mail the
 * product sends as a `.eml` file; the receiver and the unsubscribe page get free ports too, and
 * the receiver keeps a copy of what it is sent. Fills `env` for the notifications process.
 */
export async function prepareStackMail(env: NodeJS.ProcessEnv, options: StackMailOptions): Promise<StackMail> {
  const directory = options.directory ?? (await mkdtemp(join(tmpdir(), 'polyplus-mail-')));
  const sentDir = join(directory, 'sent');
  const receivedDir = join(directory, 'received');
  const sink = env.SMTP_URL ? null : await startMailSink({ directory: sentDir });
  if (sink) env.SMTP_URL = sink.smtpUrl;
  env.MAIL_RECEIVER_PORT ??= String(await options.freePort());
  env.MAIL_LINKS_PORT ??= String(await options.freePort());
  if (env.NODE_ENV !== 'production') env.MAIL_ARCHIVE_DIR ??= receivedDir;
  const serialListAddress = env.MAIL_SERIALS_ADDRESS ?? `serials@${env.MAIL_DOMAIN ?? 'polyplus.test'}`;
  const page = options.page ? await startMailPage({ sent: sentDir, received: receivedDir }) : null;
  return {
    sink,
    sentDir: sink ? sentDir : null,
    receivedDir,
    receiverUrl: `smtp://127.0.0.1:${env.MAIL_RECEIVER_PORT}`,
    serialListAddress,
    page,
    async close() {
      await page?.close();
      await sink?.close();
    },
  };
}
