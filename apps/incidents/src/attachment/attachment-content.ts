import { Transform, type TransformCallback } from 'node:stream';
import { TextDecoder } from 'node:util';
import { DomainError } from '@polyplus/subgraph-kit';

type BinaryType = { text: false; signatures: readonly (readonly number[])[] };
type TextType = { text: true };

const ZIP = [[0x50, 0x4b, 0x03, 0x04]] as const;

/**
 * The media types a case accepts, and how the bytes must begin: PNG, JPEG and PDF by their magic
 * numbers, ZIP-based office formats (Word, Excel, PowerPoint, Visio) by the ZIP local-file header,
 * packet captures by the pcap/pcapng magic; text types must be valid UTF-8 throughout.
 */
export const ATTACHMENT_CONTENT_TYPES: Readonly<Record<string, BinaryType | TextType>> = {
  'image/png': { text: false, signatures: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]] },
  'image/jpeg': { text: false, signatures: [[0xff, 0xd8, 0xff]] },
  'application/pdf': { text: false, signatures: [[0x25, 0x50, 0x44, 0x46, 0x2d]] },
  'application/zip': { text: false, signatures: ZIP },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { text: false, signatures: ZIP },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { text: false, signatures: ZIP },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': { text: false, signatures: ZIP },
  'application/vnd.ms-visio.drawing': { text: false, signatures: ZIP },
  'application/vnd.tcpdump.pcap': {
    text: false,
    signatures: [
      [0xd4, 0xc3, 0xb2, 0xa1],
      [0xa1, 0xb2, 0xc3, 0xd4],
      [0x4d, 0x3c, 0xb2, 0xa1],
      [0xa1, 0xb2, 0x3c, 0x4d],
      [0x0a, 0x0d, 0x0d, 0x0a],
    ],
  },
  'text/plain': { text: true },
  'text/csv': { text: true },
  'application/json': { text: true },
  'application/xml': { text: true },
};

export const ATTACHMENT_CONTENT_TYPE_NAMES: readonly string[] = Object.keys(ATTACHMENT_CONTENT_TYPES);

export function isTextContentType(contentType: string): boolean {
  return ATTACHMENT_CONTENT_TYPES[contentType]?.text === true;
}

const SNIFF_BYTES = Math.max(
  ...Object.values(ATTACHMENT_CONTENT_TYPES).flatMap((type) => (type.text ? [] : type.signatures.map((s) => s.length))),
);

/** Why the bytes of an upload were refused; `httpStatus` for the upload endpoint. */
export class ContentRefused extends DomainError {
  constructor(
    message: string,
    field: string,
    readonly httpStatus: number = 400,
  ) {
    super('BAD_USER_INPUT', message, { field });
  }
}

/**
 * Passes the bytes of an upload through while checking them against what was declared: no more
 * and no fewer than `size` bytes (more fails as soon as it arrives, with 413), the first bytes match
 * the declared type's signature, text is valid UTF-8 to the last byte. A refusal fails the stream,
 * so whatever consumes it stores nothing.
 */
export class ContentInspector extends Transform {
  private bytes = 0;
  private head = Buffer.alloc(0);
  private sniffed = false;
  private readonly decoder?: TextDecoder;

  constructor(
    private readonly contentType: string,
    private readonly size: number,
  ) {
    super();
    if (!ATTACHMENT_CONTENT_TYPES[contentType]) throw new ContentRefused(`${contentType} is not a file type a case accepts`, 'contentType');
    if (isTextContentType(contentType)) this.decoder = new TextDecoder('utf-8', { fatal: true });
  }

  private sniff(final: boolean): void {
    if (this.sniffed || (!final && this.head.length < SNIFF_BYTES)) return;
    this.sniffed = true;
    const type = ATTACHMENT_CONTENT_TYPES[this.contentType];
    if (type.text) return;
    const matches = type.signatures.some(
      (signature) => this.head.length >= signature.length && signature.every((byte, i) => this.head[i] === byte),
    );
    if (!matches) throw new ContentRefused(`The file's bytes are not ${this.contentType}`, 'contentType');
  }

  private checkText(chunk: Buffer | undefined): void {
    if (!this.decoder) return;
    try {
      if (chunk) this.decoder.decode(chunk, { stream: true });
      else this.decoder.decode();
    } catch {
      throw new ContentRefused(`The file is not valid UTF-8 text, as ${this.contentType} must be`, 'contentType');
    }
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.bytes += chunk.length;
      if (this.bytes > this.size) throw new ContentRefused(`The file is larger than the ${this.size} bytes declared`, 'size', 413);
      if (!this.sniffed) this.head = Buffer.concat([this.head, chunk.subarray(0, SNIFF_BYTES)]).subarray(0, SNIFF_BYTES);
      this.sniff(false);
      this.checkText(chunk);
      callback(null, chunk);
    } catch (error) {
      callback(error as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    try {
      if (this.bytes !== this.size)
        throw new ContentRefused(`The upload ended after ${this.bytes} of the ${this.size} bytes declared`, 'size');
      this.sniff(true);
      this.checkText(undefined);
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }
}
