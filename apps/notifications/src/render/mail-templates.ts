import type { Notice, NoticeFact } from '../notice/notice';
import { html, type SafeHtml } from './html';
import type { MailContent, RenderedMail, SerialListReply, SerialReplyRow } from './mail-content';
import { formatInstant, formatLocalDate, type Reader } from './mail-time';

/** Who a mail is for and the links its footer carries. */
export type Recipient = Reader & {
  name: string;
  /** Turns off the mail's category (one click from the footer); null for replies, which are not subscriptions. */
  unsubscribeUrl: string | null;
};

// Inline styles only: mail clients drop <style> blocks and never load remote CSS or fonts.
const COLORS = {
  page: '#f3f5f8',
  card: '#ffffff',
  border: '#d9dee6',
  brand: '#0b3d5c',
  text: '#1d2433',
  muted: '#5b6577',
  accent: '#0a6ebd',
  refused: '#a32020',
};
const FONT = 'Arial, Helvetica, sans-serif';

function factValue(fact: NoticeFact, reader: Reader): string {
  if (fact.at) return formatInstant(fact.at, reader);
  if (fact.date) return formatLocalDate(fact.date, reader.locale);
  return fact.text ?? '';
}

function factsTable(facts: NoticeFact[], reader: Reader): SafeHtml {
  if (facts.length === 0) return html``;
  const rows = facts.map(
    (fact) =>
      html`<tr>
        <td style="padding:6px 12px 6px 0;color:${COLORS.muted};vertical-align:top;white-space:nowrap">${fact.label}</td>
        <td style="padding:6px 0;vertical-align:top">${factValue(fact, reader)}</td>
      </tr>`,
  );
  return html`<table role="presentation" cellpadding="0" cellspacing="0" style="border-collapse:collapse;font-size:14px;margin:12px 0 4px">
    ${rows}
  </table>`;
}

function paragraphs(text: string): SafeHtml {
  const parts = text.split(/\n{2,}/).map((part) => part.split('\n'));
  return html`${parts.map((lines) => html`<p style="margin:0 0 10px">${lines.map((line, index) => (index === 0 ? html`${line}` : html`<br />${line}`))}</p>`)}`;
}

function layout(title: string, content: SafeHtml, recipient: Recipient, reason: string): string {
  const unsubscribe = recipient.unsubscribeUrl
    ? html` <a href="${recipient.unsubscribeUrl}" style="color:${COLORS.accent}">Unsubscribe or change what you receive</a>.`
    : html``;
  return `<!DOCTYPE html>${html`<html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="color-scheme" content="light" />
      <title>${title}</title>
    </head>
    <body style="margin:0;padding:0;background:${COLORS.page};font-family:${FONT};color:${COLORS.text}">
      <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:${COLORS.page}">
        <tr>
          <td align="center" style="padding:24px 12px">
            <table
              role="presentation"
              width="600"
              cellpadding="0"
              cellspacing="0"
              style="width:100%;max-width:600px;background:${COLORS.card};border:1px solid ${COLORS.border};border-radius:6px"
            >
              <tr>
                <td
                  style="background:${COLORS.brand};color:#ffffff;padding:16px 24px;font-size:18px;font-weight:bold;border-radius:6px 6px 0 0"
                >
                  Poly+ Support
                </td>
              </tr>
              <tr>
                <td style="padding:24px;font-size:15px;line-height:1.5">${content}</td>
              </tr>
              <tr>
                <td style="padding:16px 24px;border-top:1px solid ${COLORS.border};font-size:12px;line-height:1.5;color:${COLORS.muted}">
                  Times are shown in ${recipient.timeZone}. ${reason}${unsubscribe}
                </td>
              </tr>
            </table>
          </td>
        </tr>
      </table>
    </body>
  </html>`}`;
}

function noticeBlock(notice: Notice, reader: Reader, level: 'h1' | 'h2'): SafeHtml {
  const heading =
    level === 'h1'
      ? html`<h1 style="font-size:20px;line-height:1.3;margin:0 0 8px">${notice.headline}</h1>`
      : html`<h2 style="font-size:16px;line-height:1.3;margin:20px 0 6px">${notice.headline}</h2>`;
  const body = notice.body
    ? html`<div style="margin-top:12px;padding:12px 14px;background:${COLORS.page};border-left:3px solid ${COLORS.brand}">
        ${paragraphs(notice.body)}
      </div>`
    : html``;
  return html`${heading}
    <p style="margin:0 0 4px">${notice.intro}</p>
    ${factsTable(notice.facts, reader)}${body}`;
}

function noticeText(notice: Notice, reader: Reader): string {
  const facts = notice.facts.map((fact) => `${fact.label}: ${factValue(fact, reader)}`);
  return [notice.headline, '', notice.intro, ...(facts.length ? ['', ...facts] : []), ...(notice.body ? ['', notice.body] : [])].join('\n');
}

function textFooter(recipient: Recipient, reason: string): string {
  const lines = ['', '--', `Times are shown in ${recipient.timeZone}. ${reason}`];
  if (recipient.unsubscribeUrl) lines.push(`Unsubscribe or change what you receive: ${recipient.unsubscribeUrl}`);
  return lines.join('\n');
}

const NOTICE_REASON = 'You receive this as a contact of your organisation’s Poly+ support account.';

function noticeSubject(notice: Notice): string {
  return notice.caseRef ? `[Poly+ ${notice.caseRef}] ${notice.headline}` : `[Poly+] ${notice.headline}`;
}

export function renderNotice(notice: Notice, recipient: Recipient): RenderedMail {
  const subject = noticeSubject(notice);
  const greeting = html`<p style="margin:0 0 16px">Hello ${recipient.name},</p>`;
  return {
    subject,
    html: layout(subject, html`${greeting}${noticeBlock(notice, recipient, 'h1')}`, recipient, NOTICE_REASON),
    text: [`Hello ${recipient.name},`, '', noticeText(notice, recipient), textFooter(recipient, NOTICE_REASON)].join('\n'),
  };
}

export function renderDigest(notices: Notice[], recipient: Recipient): RenderedMail {
  const ordered = [...notices].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  const subject = `[Poly+] Your daily summary: ${ordered.length} update${ordered.length === 1 ? '' : 's'}`;
  const reason = 'You chose a daily summary instead of one mail per update.';
  const intro = html`<p style="margin:0 0 8px">Hello ${recipient.name},</p>
    <p style="margin:0 0 8px">Here is what happened on your support account since the last summary.</p>`;
  const items = ordered.map(
    (notice) =>
      html`${noticeBlock(notice, recipient, 'h2')}
        <p style="margin:4px 0 0;font-size:12px;color:${COLORS.muted}">${formatInstant(notice.occurredAt, recipient)}</p>`,
  );
  const text = [
    `Hello ${recipient.name},`,
    '',
    'Here is what happened on your support account since the last summary.',
    ...ordered.flatMap((notice) => ['', '----', `${formatInstant(notice.occurredAt, recipient)}`, noticeText(notice, recipient)]),
    textFooter(recipient, reason),
  ].join('\n');
  return { subject, html: layout(subject, html`${intro}${items}`, recipient, reason), text };
}

function rowText(row: SerialReplyRow): string {
  const what = row.productModel ? `${row.serialNumber} (${row.productModel})` : row.serialNumber || '(no serial number)';
  return row.message ? `row ${row.row}: ${what}: ${row.message}` : `row ${row.row}: ${what}`;
}

function rowsTable(rows: SerialReplyRow[], refused: boolean): SafeHtml {
  const header = refused
    ? html`<th align="left" style="padding:4px 8px">Why</th>`
    : html`<th align="left" style="padding:4px 8px">Model</th>`;
  const body = rows.map(
    (row) =>
      html`<tr>
        <td style="padding:4px 8px;border-top:1px solid ${COLORS.border}">${row.row}</td>
        <td style="padding:4px 8px;border-top:1px solid ${COLORS.border};font-family:monospace">${row.serialNumber}</td>
        <td style="padding:4px 8px;border-top:1px solid ${COLORS.border}${refused ? `;color:${COLORS.refused}` : ''}">
          ${refused ? (row.message ?? row.problem ?? '') : (row.productModel ?? '')}
        </td>
      </tr>`,
  );
  return html`<table role="presentation" cellpadding="0" cellspacing="0" style="border-collapse:collapse;font-size:13px;margin:8px 0 16px">
    <tr>
      <th align="left" style="padding:4px 8px">Row</th>
      <th align="left" style="padding:4px 8px">Serial number</th>
      ${header}
    </tr>
    ${body}
  </table>`;
}

function replySummary(reply: SerialListReply): string {
  if (reply.outcome === 'REGISTERED')
    return `All ${reply.registered.length} device${reply.registered.length === 1 ? ' was' : 's were'} registered${reply.siteName ? ` at ${reply.siteName}` : ''}.`;
  if (reply.outcome === 'REFUSED')
    return `Nothing was registered: ${reply.refused.length} row${reply.refused.length === 1 ? '' : 's'} of the list cannot be registered. Correct ${reply.refused.length === 1 ? 'it' : 'them'} and send the whole list again.`;
  return `Nothing was registered. ${reply.explanation ?? ''}`.trim();
}

export function renderSerialListReply(reply: SerialListReply, recipient: Recipient): RenderedMail {
  const subject = /^re:/i.test(reply.originalSubject.trim())
    ? reply.originalSubject.trim()
    : `Re: ${reply.originalSubject.trim() || 'Serial numbers'}`;
  const reason = 'This answers the serial-number list you sent to Poly+ Support.';
  const summary = replySummary(reply);
  const explanation =
    reply.outcome !== 'UNREADABLE' && reply.explanation ? html`<p style="margin:0 0 12px">${reply.explanation}</p>` : html``;
  const ignored = reply.ignoredAttachments.length
    ? `Not read: ${reply.ignoredAttachments.join(', ')} (send one CSV or XLSX list, or the list in the message body).`
    : null;
  const content = html`<p style="margin:0 0 16px">Hello ${recipient.name},</p>
    <h1 style="font-size:20px;line-height:1.3;margin:0 0 8px">
      ${reply.outcome === 'REGISTERED' ? 'Devices registered' : 'Nothing was registered'}
    </h1>
    <p style="margin:0 0 12px">${summary}</p>
    ${explanation}
    <p style="margin:0 0 4px;font-size:13px;color:${COLORS.muted}">
      Read from ${reply.source}, received ${formatInstant(reply.receivedAt, recipient)}.
    </p>
    ${
      reply.refused.length
        ? html`<h2 style="font-size:16px;margin:16px 0 4px">Refused</h2>
            ${rowsTable(reply.refused, true)}`
        : html``
    }
    ${
      reply.registered.length
        ? html`<h2 style="font-size:16px;margin:16px 0 4px">Registered</h2>
            ${rowsTable(reply.registered, false)}`
        : html``
    }
    ${ignored ? html`<p style="margin:0 0 8px;font-size:13px">${ignored}</p>` : html``}
    <p style="margin:16px 0 0;font-size:13px;color:${COLORS.muted}">
      A list is one device per line, "SERIAL,MODEL" (comma, semicolon or tab), in the message body or in one attached CSV or XLSX file
      (first column serial number, second column model). Name the site with a line "Site: name" when your organisation has several.
    </p>`;
  const text = [
    `Hello ${recipient.name},`,
    '',
    summary,
    ...(reply.outcome !== 'UNREADABLE' && reply.explanation ? [reply.explanation] : []),
    `Read from ${reply.source}, received ${formatInstant(reply.receivedAt, recipient)}.`,
    ...(reply.refused.length ? ['', 'Refused:', ...reply.refused.map(rowText)] : []),
    ...(reply.registered.length ? ['', 'Registered:', ...reply.registered.map(rowText)] : []),
    ...(ignored ? ['', ignored] : []),
    '',
    'A list is one device per line, "SERIAL,MODEL" (comma, semicolon or tab), in the message body or in one attached CSV or XLSX file (first column serial number, second column model). Name the site with a line "Site: name" when your organisation has several.',
    textFooter(recipient, reason),
  ].join('\n');
  return { subject, html: layout(subject, content, recipient, reason), text };
}

/** The one entry point the sender uses: stored content → subject, HTML and text for a recipient. */
export function renderMail(content: MailContent, recipient: Recipient): RenderedMail {
  switch (content.type) {
    case 'notice':
      return renderNotice(content.notice, recipient);
    case 'digest':
      return renderDigest(content.notices, recipient);
    case 'serial-list-reply':
      return renderSerialListReply(content.reply, recipient);
  }
}
