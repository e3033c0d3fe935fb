import { inFlightFirst, replacementSteps } from './replacement-progress';

describe('where a replacement stands', () => {
  it('follows a part from ordered to delivered and the defective part back', () => {
    const states = (status: string, back?: string) =>
      replacementSteps({
        status,
        shipment: null,
        defectiveReturn: back ? { id: 'r', dueDate: '', lateFrom: '', status: back, receivedAt: null, invoices: [] } : null,
      }).map((step) => step.state);
    expect(states('ORDERED')).toEqual(['done', 'current', 'next', 'next']);
    expect(states('SHIPPED')).toEqual(['done', 'done', 'current', 'next']);
    expect(states('DELIVERED', 'EXPECTED')).toEqual(['done', 'done', 'done', 'current']);
    expect(states('DELIVERED', 'RECEIVED')).toEqual(['done', 'done', 'done', 'done']);
  });

  it('lists replacements still on their way first', () => {
    const item = (id: string, status: string, orderedAt: string) => ({ id, order: { status, orderedAt } });
    expect(
      inFlightFirst([item('a', 'DELIVERED', '2026-11-03'), item('b', 'ORDERED', '2026-11-01'), item('c', 'SHIPPED', '2026-11-02')]).map(
        (x) => x.id,
      ),
    ).toEqual(['c', 'b', 'a']);
  });
});
