import { mkdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A message the sink took: its envelope, its parsed form and its raw bytes. */
export type SunkMail = {
  envelopeFrom: string | null;
  to: string[];
  raw: Buffer;
  parsed: ParsedMail;
  file: string | null;
  receivedAt: Date;
};

export type MailSinkOptions = {
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Each message is also written here as `<time>-<n>.eml`. */
  directory?: string;
  /**
   * Answers a message before it is kept: `accept` (250), `reject` (550 for the recipient, at RCPT TO),
   * `defer` (451), or `hold` (never answers DATA: the sender's connection hangs as if the
   * server stalled, and nothing is kept).
   */
  decide?: (envelope: { from: string | null; to: string[] }) => 'accept' | 'reject' | 'defer' | 'hold';
};

export type MailSink = {
  smtpUrl: string;
  port: number;
  messages: SunkMail[];
  /** Resolves once `count` messages match (or rejects after `timeoutMs`). */
  waitFor(predicate: (mail: SunkMail) => boolean, count?: number, timeoutMs?: number): Promise<SunkMail[]>;
  /** Resolves when a message starts arriving whose envelope matches (its DATA began). */
  waitForData(predicate: (envelope: { from: string | null; to: string[] }) => boolean, timeoutMs?: number): Promise<void>;
  setDecision(decide: MailSinkOptions['decide']): void;
  close(): Promise<void>;
};

type SmtpError = Error & { responseCode?: number };

const smtpError = (code: number, message: string): SmtpError => Object.assign(new Error(message), { responseCode: code });

/**
 * A local SMTP server that keeps what it receives: the development default for outgoing mail
 * (`npm start` writes each mail to a folder of `.eml` files) and the other end of the mail tests.
 * It relays nothing anywhere.
 */
export async function startMailSink(options: MailSinkOptions = {}): Promise<MailSink> {
  const messages: SunkMail[] = [];
  const waiters: (() => void)[] = [];
  const dataWaiters: ((envelope: { from: string | null; to: string[] }) => void)[] = [];
  let decide = options.decide ?? (() => 'accept' as const);
  let counter = 0;
  const notify = () => waiters.splice(0).forEach((wake) => wake());
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    // Held connections end this long after close() instead of keeping it waiting.
    closeTimeout: 1_000,
    size: 50 * 1024 * 1024,
    onRcptTo(address, session, callback) {
      // An unknown mailbox is refused at RCPT TO, as real servers do (a hard bounce for the sender).
      const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : null;
      if (decide({ from, to: [address.address] }) === 'reject') return callback(smtpError(550, '5.1.1 Mailbox does not exist'));
      return callback();
    },
    onData(stream, session, callback) {
      const envelope = {
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
        to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
      };
      dataWaiters.splice(0).forEach((wake) => wake(envelope));
      const decision = decide(envelope);
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (decision === 'hold') return; // never answered: the client waits until it gives up or dies
        if (decision === 'reject') return callback(smtpError(550, '5.1.1 Mailbox does not exist'));
        if (decision === 'defer') return callback(smtpError(451, '4.3.0 Try again later'));
        const raw = Buffer.concat(chunks);
        void (async () => {
          let file: string | null = null;
          if (options.directory) {
            await mkdir(options.directory, { recursive: true });
            counter += 1;
            file = join(options.directory, `${new Date().toISOString().replace(/[:.]/g, '-')}-${String(counter).padStart(4, '0')}.eml`);
            await writeFile(file, raw);
          }
          messages.push({
            envelopeFrom: envelope.from,
            to: envelope.to,
            raw,
            parsed: await simpleParser(raw),
            file,
            receivedAt: new Date(),
          });
          callback(null, 'Kept');
          notify();
        })().catch((error: Error) => callback(smtpError(451, `4.3.0 ${error.message}`)));
      });
    },
  });
  server.on('error', () => undefined);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    smtpUrl: `smtp://${host}:${port}`,
    port,
    messages,
    waitFor(predicate, count = 1, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(
                `the sink holds ${messages.filter(predicate).length} matching message(s), expected ${count}, after ${timeoutMs} ms`,
              ),
            ),
          timeoutMs,
        );
        const check = () => {
          const matching = messages.filter(predicate);
          if (matching.length >= count) {
            clearTimeout(timer);
            resolve(matching);
          } else waiters.push(check);
        };
        check();
      });
    },
    waitForData(predicate, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no message began within ${timeoutMs} ms`)), timeoutMs);
        const check = (envelope: { from: string | null; to: string[] }) => {
          if (predicate(envelope)) {
            clearTimeout(timer);
            resolve();
          } else dataWaiters.push(check);
        };
        dataWaiters.push(check);
      });
    },
    setDecision(next) {
      decide = next ?? (() => 'accept');
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
