import { Readable } from 'node:stream';
import { ContentInspector } from './attachment-content';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]);
const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n', 'latin1');
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0, 8, 0]);
const PCAP = Buffer.from([0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0]);

/** Runs `data` through the inspector in chunks of `chunk` bytes; resolves with what came out. */
async function inspect(contentType: string, data: Buffer, size = data.length, chunk = 3): Promise<Buffer> {
  const parts = Array.from({ length: Math.ceil(data.length / chunk) }, (_v, i) => data.subarray(i * chunk, (i + 1) * chunk));
  const out: Buffer[] = [];
  for await (const part of Readable.from(parts).pipe(new ContentInspector(contentType, size))) out.push(part as Buffer);
  return Buffer.concat(out);
}

const refusal = (field: string, httpStatus = 400) =>
  expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field }), httpStatus });

describe('the bytes of a case attachment must be what was declared', () => {
  it.each([
    ['image/png', PNG],
    ['image/jpeg', JPEG],
    ['application/pdf', PDF],
    ['application/zip', ZIP],
    ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', ZIP],
    ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ZIP],
    ['application/vnd.ms-visio.drawing', ZIP],
    ['application/vnd.tcpdump.pcap', PCAP],
    ['text/plain', Buffer.from('hostname core-sw-01\ninterface Gi0/1\n')],
    ['text/csv', Buffer.from('caller,callee,start,duration\n+441234,+442345,2026-03-02T10:00:00Z,120\n')],
    ['application/json', Buffer.from('{"sip":{"registrar":"sip.example.com","port":5061}}')],
    ['application/xml', Buffer.from('<?xml version="1.0"?><config>Zürich — 東京</config>')],
  ])('%s whose bytes match passes through unchanged', async (type, data) => {
    expect((await inspect(type, data)).equals(data)).toBe(true);
  });

  it.each([
    ['a PDF declared as PNG', 'image/png', PDF],
    ['a PNG declared as PDF', 'application/pdf', PNG],
    ['a PNG declared as a Word document', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', PNG],
    ['text declared as JPEG', 'image/jpeg', Buffer.from('just some text')],
    ['a file shorter than the signature', 'image/png', Buffer.from([0x89, 0x50])],
  ])('%s is refused (content type mismatch)', async (_case, type, data) => {
    await expect(inspect(type, data)).rejects.toEqual(refusal('contentType'));
  });

  it.each([
    ['a PNG declared as text', 'text/plain', PNG],
    ['Latin-1 declared as CSV', 'text/csv', Buffer.from('name,city\nJosé,Málaga\n', 'latin1')],
    ['UTF-8 cut in the middle of a character', 'text/plain', Buffer.from('Zürich').subarray(0, 2)],
  ])('%s is refused: text must be valid UTF-8', async (_case, type, data) => {
    await expect(inspect(type, data)).rejects.toEqual(refusal('contentType'));
  });

  it('more bytes than declared fail as soon as they arrive (413)', async () => {
    await expect(inspect('text/plain', Buffer.from('0123456789'), 5)).rejects.toEqual(refusal('size', 413));
  });

  it('fewer bytes than declared fail at the end', async () => {
    await expect(inspect('text/plain', Buffer.from('0123'), 5)).rejects.toEqual(refusal('size'));
  });

  it('a type a case does not accept is refused before any byte', () => {
    expect(() => new ContentInspector('application/x-msdownload', 10)).toThrow('not a file type a case accepts');
  });
});
