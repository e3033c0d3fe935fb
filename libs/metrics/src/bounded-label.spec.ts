import { BoundedLabel, clientOperationName } from './bounded-label';

describe('bounded label values', () => {
  it('keeps the first plain values as given and files the rest, and anything not plain, under other', () => {
    const label = new BoundedLabel(2);
    expect(['OpenCase', 'SupportQueue', 'OpenCase', 'ThirdOne'].map((value) => label.value(value))).toEqual([
      'OpenCase',
      'SupportQueue',
      'OpenCase',
      'other',
    ]);
    expect(new BoundedLabel(10).value('case 8f14e45f-ceea-4e7a')).toBe('other');
    expect(new BoundedLabel(10).value('x'.repeat(65))).toBe('other');
  });

  it('folds the gateway’s per-subgraph fetch names into the client’s operation', () => {
    expect(clientOperationName('SupportQueue__incidents__0')).toBe('SupportQueue');
    expect(clientOperationName('SupportQueue__customers__12')).toBe('SupportQueue');
    expect(clientOperationName('SupportQueue')).toBe('SupportQueue');
  });
});
