import { routeOf } from './routing';

describe('portal addresses', () => {
  it('gives every view an address of its own', () => {
    expect(routeOf('/')).toEqual({ view: 'overview' });
    expect(routeOf('/products/')).toEqual({ view: 'products' });
    expect(routeOf('/support-directory')).toEqual({ view: 'directory' });
    expect(routeOf('/replacement-terms')).toEqual({ view: 'terms' });
    expect(routeOf('/cases/9670E48A-5D35-4DA7-802D-F2C7D2B48ECF')).toEqual({ view: 'case', id: '9670e48a-5d35-4da7-802d-f2c7d2b48ecf' });
  });

  it('shows a not-found view for anything else, never a case of a malformed id', () => {
    expect(routeOf('/cases/../../etc')).toEqual({ view: 'not-found', path: '/cases/../../etc' });
    expect(routeOf('/nowhere')).toEqual({ view: 'not-found', path: '/nowhere' });
  });
});
