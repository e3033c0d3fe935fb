import { buildSchema, getOperationAST, parse } from 'graphql';
import { GATEWAY_SCALAR_CHECKS } from './custom-scalars';
import { customScalarProblems } from './scalar-problems';

// The supergraph declares its custom scalars like this: without any parsing of their own.
const schema = buildSchema(`
  scalar DateTimeISO
  input Window { from: DateTimeISO! to: DateTimeISO }
  input Plan { name: String! windows: [Window!]! starts: [DateTimeISO!] }
  type Visit { id: ID! }
  type Query { schedule(from: DateTimeISO!, plan: Plan): [Visit!]! }
  type Mutation { move(start: DateTimeISO!): Visit! }
`);

function problems(source: string, variables: Record<string, unknown> = {}, operationName?: string): string[] {
  const document = parse(source);
  const operation = getOperationAST(document, operationName);
  if (!operation) throw new Error('no operation');
  return customScalarProblems(schema, document, operation, variables, GATEWAY_SCALAR_CHECKS);
}

const GOOD = '2026-03-02T10:00:00Z';
const FEB_30 = '2026-02-30T10:00:00Z';

describe('custom scalar values of an operation', () => {
  it('real instants in arguments and variables, nested or not, pass', () => {
    expect(problems(`mutation { move(start: "${GOOD}") { id } }`)).toEqual([]);
    expect(
      problems('query($p: Plan) { schedule(from: "2026-03-02T08:00:00Z", plan: $p) { id } }', {
        p: { name: 'x', windows: [{ from: GOOD }], starts: GOOD },
      }),
    ).toEqual([]);
  });

  it('an impossible date written into an argument is refused naming the argument', () => {
    expect(problems(`mutation { move(start: "${FEB_30}") { id } }`)).toEqual([
      expect.stringMatching(/^Argument "start" of field "move" has invalid value; .*February 2026 has 28 days/),
    ]);
  });

  it('an impossible date deep in an input literal names where it sits', () => {
    const found = problems(
      `{ schedule(from: "${GOOD}", plan: { name: "x", windows: [{ from: "${GOOD}" }, { from: "${GOOD}", to: "2026-13-01T00:00:00Z" }] }) { id } }`,
    );
    expect(found).toEqual([
      expect.stringMatching(/^Argument "plan" of field "schedule" has invalid value at "plan\.windows\[1\]\.to"; .*no month 13/),
    ]);
  });

  it('an impossible date in a variable is refused naming the variable and the place in it', () => {
    expect(problems('mutation($s: DateTimeISO!) { move(start: $s) { id } }', { s: 20260230 })).toEqual([
      expect.stringMatching(/^Variable "\$s" got invalid value; DateTimeISO must be a date-time/),
    ]);
    const found = problems('query($p: Plan) { schedule(from: "2026-03-02T08:00:00Z", plan: $p) { id } }', {
      p: { name: 'x', windows: [{ from: GOOD }, { from: '0000-01-01T00:00:00Z' }], starts: [GOOD, FEB_30] },
    });
    expect(found).toEqual([
      expect.stringMatching(/^Variable "\$p" got invalid value at "p\.windows\[1\]\.from"; .*outside the years/),
      expect.stringMatching(/^Variable "\$p" got invalid value at "p\.starts\[1\]"; .*February/),
    ]);
  });

  it('a single value given for a list is checked as the list of one it becomes', () => {
    expect(
      problems('query($p: Plan) { schedule(from: "2026-03-02T08:00:00Z", plan: $p) { id } }', {
        p: { name: 'x', windows: { from: FEB_30 } },
      }),
    ).toHaveLength(1);
  });

  it('a variable’s default value is checked when the request does not give the variable', () => {
    expect(problems(`mutation($s: DateTimeISO! = "${FEB_30}") { move(start: $s) { id } }`)).toEqual([
      expect.stringMatching(/^Variable "\$s" has an invalid default value; /),
    ]);
    expect(problems(`mutation($s: DateTimeISO! = "${FEB_30}") { move(start: $s) { id } }`, { s: GOOD })).toEqual([]);
  });

  it('arguments in the fragments the operation spreads are checked, those of other operations are not', () => {
    const source = `
      query Mine { ...Part }
      query Other { schedule(from: "${FEB_30}") { id } }
      fragment Part on Query { schedule(from: "2026-02-31T00:00:00Z") { id } }`;
    expect(problems(source, {}, 'Mine')).toEqual([expect.stringMatching(/February 2026 has 28 days/)]);
  });
});
