import { isUnderWarranty, replacementWarranty } from './warranty';

describe('replacement part warranty', () => {
  it('a replacement part is warranted for 90 days from shipment', () => {
    expect(replacementWarranty({ shipDate: '2024-01-10' })).toEqual({ warrantyEnd: '2024-04-09', inherited: false });
  });

  it("a replacement keeps the replaced part's remaining warranty when that is longer than 90 days", () => {
    expect(replacementWarranty({ shipDate: '2024-01-10', replacedPartWarrantyEnd: '2025-06-30' })).toEqual({
      warrantyEnd: '2025-06-30',
      inherited: true,
    });
  });

  it("a replacement gets its own 90 days when the replaced part's warranty ends sooner", () => {
    expect(replacementWarranty({ shipDate: '2024-01-10', replacedPartWarrantyEnd: '2024-02-01' })).toEqual({
      warrantyEnd: '2024-04-09',
      inherited: false,
    });
  });

  it('the last day of warranty is covered and the day after is not', () => {
    expect(isUnderWarranty('2024-04-09', '2024-04-09')).toBe(true);
    expect(isUnderWarranty('2024-04-09', '2024-04-10')).toBe(false);
  });

  it('rejects an invalid ship date with INVALID_DATE', () => {
    expect(() => replacementWarranty({ shipDate: '2024-13-01' })).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });
});
