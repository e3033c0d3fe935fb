import { rightsScope } from './rights-scope';

describe('rights scope of a delivery read', () => {
  it('two admins of the same customer share a scope; another customer, role or contact does not', () => {
    const admin = rightsScope({ subject: 'ann', role: 'CUSTOMER_ADMIN', customerIds: ['A'] });
    expect(rightsScope({ subject: 'bob', role: 'CUSTOMER_ADMIN', customerIds: ['A'] })).toBe(admin);
    expect(rightsScope({ subject: 'ann', role: 'CUSTOMER_ADMIN', customerIds: ['B'] })).not.toBe(admin);
    expect(rightsScope({ subject: 'ann', role: 'CUSTOMER_TECHNICIAN', customerIds: ['A'] })).not.toBe(admin);
    expect(rightsScope({ subject: 'ann', role: 'CUSTOMER_ADMIN', customerIds: ['A'], contactId: 'c1' })).not.toBe(admin);
    expect(rightsScope({ subject: 'ann', role: 'CUSTOMER_ADMIN', customerIds: ['A', 'B'] })).toBe(
      rightsScope({ subject: 'x', role: 'CUSTOMER_ADMIN', customerIds: ['B', 'A'] }),
    );
  });

  it('partners are their own scope even for the same customers', () => {
    expect(rightsScope({ subject: 'zoom', role: 'PARTNER', customerIds: ['A'] })).not.toBe(
      rightsScope({ subject: 'webex', role: 'PARTNER', customerIds: ['A'] }),
    );
  });
});
