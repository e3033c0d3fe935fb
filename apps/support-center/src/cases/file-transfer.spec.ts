import { contentTypeOf, formatBytes, transferUrl } from './file-transfer';

describe('case file transfers', () => {
  it('declares the type the API knows, by extension when the browser has none', () => {
    expect(contentTypeOf({ name: 'core-network.png', type: 'image/png' })).toBe('image/png');
    expect(contentTypeOf({ name: 'capture.PCAP', type: '' })).toBe('application/vnd.tcpdump.pcap');
    expect(contentTypeOf({ name: 'floor.vsdx', type: 'application/octet-stream' })).toBe('application/vnd.ms-visio.drawing');
    expect(contentTypeOf({ name: 'tool.exe', type: 'application/x-msdownload' })).toBe('application/x-msdownload');
  });

  it('writes sizes for people and keeps relative links on this page’s origin', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(25 * 1024 * 1024)).toBe('25 MB');
    expect(transferUrl('/files/uploads/abc?sig=1', 'http://127.0.0.1:4020')).toBe('http://127.0.0.1:4020/files/uploads/abc?sig=1');
  });
});
