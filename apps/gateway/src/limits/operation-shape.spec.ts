import { getOperationAST, parse } from 'graphql';
import { operationShape } from './operation-shape';

function shapeOf(source: string) {
  const document = parse(source);
  return operationShape(document, getOperationAST(document) ?? (undefined as never));
}

describe('operation shape', () => {
  it('counts depth and aliases through inline fragments and each place a fragment is spread', () => {
    const shape = shapeOf(`
      { a: incident(id: "1") { ...Deep ... on Incident { b: id } } c: incident(id: "2") { ...Deep } }
      fragment Deep on Incident { device { d: incidents { id } } }`);
    expect(shape).toEqual({ depth: 4, aliases: 5 });
  });

  it('a fragment cycle is counted once', () => {
    expect(shapeOf('{ incident(id: "1") { ...A } } fragment A on Incident { x: id ...B } fragment B on Incident { ...A }')).toEqual({
      depth: 2,
      aliases: 1,
    });
  });

  it('fragments spreading each other over and over are measured without expanding them: twelve levels of eight spreads is 8^11 aliases', () => {
    const fragments = ['fragment F1 on Incident { a: id }'];
    for (let level = 2; level <= 12; level += 1)
      fragments.push(`fragment F${level} on Incident { ${Array.from({ length: 8 }, () => `...F${level - 1}`).join(' ')} }`);
    const shape = shapeOf(`{ incident(id: "1") { ...F12 } } ${fragments.join(' ')}`);
    expect(shape).toEqual({ depth: 2, aliases: 8 ** 11 });
  });
});
