import { isReturnLate, returnDeadline } from './return-deadline';
import { LONDON, local } from './test-calendars';

const UK = 'Europe/London';

describe('return deadline', () => {
  it('the defective part is due back 10 business days after the replacement is delivered', () => {
    expect(returnDeadline(LONDON, local('2024-06-11T10:00', UK)).dueDate).toBe('2024-06-25');
  });

  it('holidays of the destination calendar do not count towards the 10 business days', () => {
    // Delivered Monday 20 May 2024; Monday 27 May is the Spring bank holiday.
    expect(returnDeadline(LONDON, local('2024-05-20T10:00', UK)).dueDate).toBe('2024-06-04');
  });

  it('a delivery at the weekend starts counting from the next business day', () => {
    expect(returnDeadline(LONDON, local('2024-06-08T10:00', UK)).dueDate).toBe('2024-06-21');
  });

  it('a return received on the last day, even in the evening, is on time', () => {
    const deliveredAt = local('2024-06-11T10:00', UK);
    expect(isReturnLate(LONDON, deliveredAt, local('2024-06-25T22:00', UK))).toBe(false);
  });

  it('a return received after the last day is late', () => {
    const deliveredAt = local('2024-06-11T10:00', UK);
    expect(returnDeadline(LONDON, deliveredAt).lateFrom).toEqual(local('2024-06-26T00:00', UK));
    expect(isReturnLate(LONDON, deliveredAt, local('2024-06-26T00:00', UK))).toBe(true);
    expect(isReturnLate(LONDON, deliveredAt, local('2024-06-26T09:00', UK))).toBe(true);
  });

  it('rejects an invalid delivery instant with INVALID_DATE', () => {
    expect(() => returnDeadline(LONDON, new Date('garbage'))).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });
});
