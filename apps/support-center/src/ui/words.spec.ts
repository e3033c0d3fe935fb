import { actorWords, shortId, words } from './words';

describe('the API’s values in words', () => {
  it('reads statuses and options as people say them', () => {
    expect(words('IN_PROGRESS')).toBe('In progress');
    expect(words('CUSTOMS_HOLD')).toBe('Held at customs');
    expect(words('SOMETHING_NEW')).toBe('Something new');
    expect(words(null)).toBe('—');
  });

  it('names the customer’s own people and Poly’s teams in the audit trail', () => {
    expect(actorWords('CUSTOMER_TECHNICIAN:sam.okafor@northwind.example')).toBe('sam.okafor@northwind.example (customer technician)');
    expect(actorWords('SUPPORT_ENGINEER:jane')).toBe('Poly support');
    expect(actorWords('system')).toBe('Poly system');
    expect(shortId('9670e48a-5d35-4da7-802d-f2c7d2b48ecf')).toBe('9670E48A');
  });
});
