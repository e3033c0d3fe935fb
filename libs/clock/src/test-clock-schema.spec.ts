import { buildASTSchema, parse } from 'graphql';
import { withoutTestClock } from './test-clock-schema';

const SDL = `
type Query { incident(id: ID!): String testClock: TestClock! }
type Mutation { openIncident: String setTestClock(input: SetTestClockInput!): TestClock! resetTestClock: TestClock! }
enum TestClockMode { SYSTEM OFFSET FROZEN }
type TestClock { mode: TestClockMode! now: String! }
input SetTestClockInput { frozenAt: String offsetMinutes: Int }
`;

it('the production schema has no test clock: its root fields and types are gone, everything else stays', () => {
  const schema = buildASTSchema(parse(withoutTestClock(SDL)));
  expect(Object.keys(schema.getQueryType()?.getFields() ?? {})).toEqual(['incident']);
  expect(Object.keys(schema.getMutationType()?.getFields() ?? {})).toEqual(['openIncident']);
  for (const type of ['TestClock', 'TestClockMode', 'SetTestClockInput']) expect(schema.getType(type)).toBeUndefined();
});
