import {
  Kind,
  TypeInfo,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  typeFromAST,
  valueFromASTUntyped,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValueNode,
} from 'graphql';
import type { ScalarCheck } from './custom-scalars';

type Checks = Readonly<Record<string, ScalarCheck>>;
type Found = { path: (string | number)[]; problem: string };

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const under = (segment: string | number, found: Found[]) => found.map((f) => ({ ...f, path: [segment, ...f.path] }));

/** `input.windows[0].start`: where in a variable or argument a value sits. */
const where = (name: string, path: Found['path']) => name + path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('');

/** Custom scalar values in a JSON variable value that their check refuses; structure is graphql-js's business. */
function inValue(type: GraphQLInputType, value: unknown, checks: Checks): Found[] {
  if (isNonNullType(type)) return inValue(type.ofType, value, checks);
  if (value === null || value === undefined) return [];
  if (isListType(type)) {
    // A single value where a list is expected is coerced to a list of one.
    if (!Array.isArray(value)) return inValue(type.ofType, value, checks);
    return value.flatMap((item, index) => under(index, inValue(type.ofType, item, checks)));
  }
  if (isInputObjectType(type)) {
    if (!isPlainObject(value)) return [];
    return Object.values(type.getFields()).flatMap((field) =>
      Object.hasOwn(value, field.name) ? under(field.name, inValue(field.type, value[field.name], checks)) : [],
    );
  }
  const check = isScalarType(type) ? checks[type.name] : undefined;
  const problem = check?.(value);
  return problem ? [{ path: [], problem }] : [];
}

/** Like {@link inValue} for a literal in the document; variables inside it are checked as variables. */
function inLiteral(type: GraphQLInputType, node: ValueNode, checks: Checks): Found[] {
  if (node.kind === Kind.VARIABLE || node.kind === Kind.NULL) return [];
  if (isNonNullType(type)) return inLiteral(type.ofType, node, checks);
  if (isListType(type)) {
    if (node.kind !== Kind.LIST) return inLiteral(type.ofType, node, checks);
    return node.values.flatMap((item, index) => under(index, inLiteral(type.ofType, item, checks)));
  }
  if (isInputObjectType(type)) {
    if (node.kind !== Kind.OBJECT) return [];
    const fields = type.getFields();
    return node.fields.flatMap((field) =>
      fields[field.name.value] ? under(field.name.value, inLiteral(fields[field.name.value].type, field.value, checks)) : [],
    );
  }
  const check = isScalarType(type) ? checks[type.name] : undefined;
  const problem = check?.(valueFromASTUntyped(node));
  return problem ? [{ path: [], problem }] : [];
}

/** Fragments the operation spreads, directly or through other fragments. */
function fragmentsOf(document: DocumentNode, operation: OperationDefinitionNode): Set<string> {
  const definitions = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
  );
  const used = new Set<string>();
  const pending = [operation as DocumentNode['definitions'][number]];
  while (pending.length > 0) {
    visit(pending.pop() as never, {
      FragmentSpread(spread) {
        const fragment = definitions.get(spread.name.value);
        if (!fragment || used.has(spread.name.value)) return;
        used.add(spread.name.value);
        pending.push(fragment);
      },
    });
  }
  return used;
}

/**
 * Every custom scalar value of one (validated) operation that its gateway check refuses: in the
 * request's variables, in variables' defaults, and written into field and directive arguments.
 * Each problem names the variable or argument, and where in it the value sits.
 */
export function customScalarProblems(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
  checks: Checks,
): string[] {
  const problems: string[] = [];
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    if (!type) continue;
    if (Object.hasOwn(variables, name)) {
      for (const f of inValue(type, variables[name], checks))
        problems.push(`Variable "$${name}" got invalid value${f.path.length ? ` at "${where(name, f.path)}"` : ''}; ${f.problem}`);
    } else if (definition.defaultValue) {
      for (const f of inLiteral(type, definition.defaultValue, checks))
        problems.push(
          `Variable "$${name}" has an invalid default value${f.path.length ? ` at "${where(name, f.path)}"` : ''}; ${f.problem}`,
        );
    }
  }
  const fragments = fragmentsOf(document, operation);
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      OperationDefinition: (node) => (node === operation ? undefined : false),
      FragmentDefinition: (node) => (fragments.has(node.name.value) ? undefined : false),
      Argument(node) {
        const argument = typeInfo.getArgument();
        if (!argument) return;
        const owner = typeInfo.getDirective() ? `directive "@${typeInfo.getDirective()?.name}"` : `field "${typeInfo.getFieldDef()?.name}"`;
        for (const f of inLiteral(argument.type, node.value, checks)) {
          problems.push(
            `Argument "${argument.name}" of ${owner} has invalid value${f.path.length ? ` at "${where(argument.name, f.path)}"` : ''}; ${f.problem}`,
          );
        }
      },
    }),
  );
  return problems;
}
