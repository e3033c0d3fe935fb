import nodemailer, { type Transporter } from 'nodemailer';

export type OutgoingMail = {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  messageId: string;
  /** The envelope sender (MAIL FROM): where delivery status reports come back. */
  envelopeFrom: string;
  headers: Record<string, string>;
  inReplyTo?: string | null;
};

/**
 * What happened to one attempt: SENT (the server accepted it), REJECTED (a permanent 5xx answer:
 * `recipient` when the address itself was refused, a hard bounce), or RETRY (no answer, a 4xx).
 */
export type SendOutcome =
  | { outcome: 'SENT'; response: string }
  | { outcome: 'REJECTED'; recipient: boolean; response: string }
  | { outcome: 'RETRY'; response: string };

export type MailSender = { send(mail: OutgoingMail): Promise<SendOutcome>; close(): void };

type SmtpError = Error & { responseCode?: number; command?: string; code?: string; response?: string; rejected?: string[] };

/** Classifies a nodemailer failure by the SMTP reply: 5xx is final, anything else is worth a retry. */
export function classifySmtpError(error: SmtpError): SendOutcome {
  const response = (error.response || error.message || String(error)).slice(0, 500);
  const code = error.responseCode ?? 0;
  if (code >= 500 && code < 600) {
    const recipient = error.command === 'RCPT TO' || (error.code === 'EENVELOPE' && (error.rejected?.length ?? 0) > 0);
    return { outcome: 'REJECTED', recipient, response };
  }
  return { outcome: 'RETRY', response };
}

/** Sends over SMTP (`SMTP_URL`): STARTTLS when the server offers it, `smtps://` for implicit TLS. */
export function smtpSender(smtpUrl: string, timeoutMs: number): MailSender {
  const transport: Transporter = nodemailer.createTransport(smtpUrl, {
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    // A pooled connection per process keeps bursts (a security notice to every customer) fast.
    pool: true,
    maxConnections: 3,
  } as never);
  return {
    async send(mail) {
      try {
        const info = await transport.sendMail({
          from: mail.from,
          to: mail.to,
          subject: mail.subject,
          html: mail.html,
          text: mail.text,
          messageId: mail.messageId,
          envelope: { from: mail.envelopeFrom, to: [mail.to] },
          headers: mail.headers,
          inReplyTo: mail.inReplyTo ?? undefined,
          references: mail.inReplyTo ?? undefined,
          // Nothing remote: no tracking pixels, no linked images.
          disableUrlAccess: true,
          disableFileAccess: true,
        });
        const rejected = (info.rejected ?? []) as unknown[];
        if (rejected.length > 0)
          return { outcome: 'REJECTED', recipient: true, response: String(info.response ?? 'recipient rejected').slice(0, 500) };
        return { outcome: 'SENT', response: String(info.response ?? '').slice(0, 500) };
      } catch (error) {
        return classifySmtpError(error as SmtpError);
      }
    },
    close() {
      transport.close();
    },
  };
}
