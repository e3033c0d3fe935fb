import { compareVersions, downloadableSet } from './software-version';

describe('software versions', () => {
  it('orders versions by number, not by text: 10.0 is newer than 9.9', () => {
    expect(compareVersions('10.0.0', '9.9.9')).toBe(1);
    expect(compareVersions('4.1.3.2', '4.1.3.10')).toBe(-1);
    expect(compareVersions('1.2', '1.2.0')).toBe(0);
  });

  it('the downloadable set is the latest and the latest minus one, whatever order they were published in', () => {
    const releases = ['3.0.0', '3.2.0', '10.0.0', '3.10.0'].map((version) => ({ version }));
    expect(downloadableSet(releases).map((r) => r.version)).toEqual(['10.0.0', '3.10.0']);
    expect(downloadableSet([{ version: '1.0' }]).map((r) => r.version)).toEqual(['1.0']);
  });
});
