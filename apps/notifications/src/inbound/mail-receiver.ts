import { serviceLogger } from '@polyplus/logger';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import type { InboundMailService, InboundVerdict } from './inbound-mail.service';

export type MailReceiverOptions = {
  host: string;
  port: number;
  maxMessageBytes: number;
  inbound: InboundMailService;
  /** Called with each accepted reply delivery, to send it. */
  onReply: (deliveryId: string) => Promise<void>;
  /** TLS key and certificate for STARTTLS; without them the receiver speaks plain SMTP (behind the MTA). */
  tls?: { key: Buffer; cert: Buffer };
  log?: (message: string) => void;
};

export type MailReceiver = { host: string; port: number; close(): Promise<void> };

type SmtpError = Error & { responseCode?: number };

function smtpError(code: number, message: string): SmtpError {
  const error = new Error(message) as SmtpError;
  error.responseCode = code;
  return error;
}

/**
 * The SMTP receiver for the serial-list address (and the bounce addresses). It sits behind the
 * organisation's MTA, which does spam filtering and SPF/DKIM/DMARC and stamps the results: this
 * one only takes mail for its own addresses, refuses oversized messages while they stream in,
 * and answers each message with the verdict of processing it (so a failure is retried by the MTA).
 */
export async function startMailReceiver(options: MailReceiverOptions): Promise<MailReceiver> {
  const log = options.log ?? ((message: string) => serviceLogger('mail-receiver').info(message));
  const config: SMTPServerOptions = {
    name: 'polyplus-notifications',
    banner: 'Poly+ Support mail receiver',
    size: options.maxMessageBytes,
    authOptional: true,
    disabledCommands: options.tls ? ['AUTH'] : ['AUTH', 'STARTTLS'],
    ...(options.tls ? { key: options.tls.key, cert: options.tls.cert } : {}),
    maxClients: 20,
    socketTimeout: 60_000,
    closeTimeout: 5_000,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.inbound.acceptsRecipient(address.address)) return callback();
      return callback(smtpError(550, '5.1.1 No such mailbox here'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        // Keep reading to the end (SMTP needs it) but stop keeping bytes past the limit.
        if (size <= options.maxMessageBytes) chunks.push(chunk);
      });
      stream.on('end', () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded || size > options.maxMessageBytes) {
          return callback(smtpError(552, `5.3.4 Message larger than ${options.maxMessageBytes} bytes`));
        }
        const envelope = {
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
          rcptTo: session.envelope.rcptTo.map((to) => to.address),
        };
        options.inbound
          .receive(Buffer.concat(chunks), envelope)
          .then(async (verdict: InboundVerdict) => {
            if (!verdict.accepted) {
              log(`[notifications] refused mail from ${envelope.mailFrom ?? '<>'}: ${verdict.message}`);
              return callback(smtpError(verdict.code, `5.7.1 ${verdict.message}`));
            }
            // The reply is queued after the answer is recorded; a queue outage leaves it PENDING for the sweep.
            if (verdict.replyDeliveryId)
              await options.onReply(verdict.replyDeliveryId).catch((error: Error) => log(`[notifications] reply queue: ${error.message}`));
            return callback(null, 'Message received');
          })
          .catch((error: Error) => {
            log(`[notifications] mail from ${envelope.mailFrom ?? '<>'} not processed, sender asked to retry: ${error.message}`);
            callback(smtpError(451, '4.3.0 Temporary failure, please try again later'));
          });
      });
    },
  };
  const server = new SMTPServer(config);
  server.on('error', (error) => log(`[notifications] receiver: ${error.message}`));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    host: options.host,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
