import type { Notice } from '../notice/notice';

/** One row of a serial-list reply: registered, or refused and why. */
export type SerialReplyRow = { row: number; serialNumber: string; productModel?: string; problem?: string; message?: string };

/** What a reply to a serial list says. */
export type SerialListReply = {
  /** The subject the contact wrote, for "Re: …". */
  originalSubject: string;
  /** REGISTERED: every row registered; REFUSED: nothing registered, `refused` says why; UNREADABLE: no list found or it cannot be read. */
  outcome: 'REGISTERED' | 'REFUSED' | 'UNREADABLE';
  /** Where the list came from: "the message body" or an attachment's file name. */
  source: string;
  siteName: string | null;
  registered: SerialReplyRow[];
  refused: SerialReplyRow[];
  /** A sentence on why nothing could be done (no list, several sites, an unreadable file). */
  explanation: string | null;
  /** Attachments that were not read (other types, or a second list). */
  ignoredAttachments: string[];
  receivedAt: string;
};

/** The stored content of one mail, rendered when it is sent (and the same on every retry). */
export type MailContent =
  { type: 'notice'; notice: Notice } | { type: 'digest'; notices: Notice[] } | { type: 'serial-list-reply'; reply: SerialListReply };

export type RenderedMail = { subject: string; html: string; text: string };
