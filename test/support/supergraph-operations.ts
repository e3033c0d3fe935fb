import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildASTSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  parse,
  valueFromASTUntyped,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import type { Role } from '@polyplus/auth';

/** One root field of the composed supergraph, with who may call it and a document that calls it. */
export type RootOperation = {
  kind: 'query' | 'mutation';
  name: string;
  field: GraphQLField<unknown, unknown>;
  /** The roles of its `@access` directive, as composed from the subgraph that serves it. */
  roles: Role[];
  /** `query|mutation ($arg: Type, …) { field(arg: $arg, …) { …the return type's scalar fields } }` */
  document: string;
};

/** The composed supergraph as a graphql-js schema (join directives and all). */
export function loadSupergraph(): GraphQLSchema {
  const sdl = readFileSync(join(__dirname, '..', '..', 'apps', 'gateway', 'supergraph.graphql'), 'utf8');
  return buildASTSchema(parse(sdl), { assumeValidSDL: true });
}

function rolesOf(field: GraphQLField<unknown, unknown>): Role[] {
  const access = field.astNode?.directives?.find((directive) => directive.name.value === 'access');
  const roles = access?.arguments?.find((argument) => argument.name.value === 'roles');
  return roles ? (valueFromASTUntyped(roles.value) as Role[]) : [];
}

/** The return type's own scalar fields (one level), so a leak of another customer's values would show. */
function selectionOf(field: GraphQLField<unknown, unknown>): string {
  const type = getNamedType(field.type);
  if (isLeafType(type)) return '';
  if (!isObjectType(type)) return ' { __typename }';
  const scalars = Object.values(type.getFields()).filter(
    (child) => isLeafType(getNamedType(child.type)) && child.args.every((arg) => !isNonNullType(arg.type)),
  );
  return ` { __typename ${scalars.map((child) => child.name).join(' ')} }`;
}

function documentOf(kind: RootOperation['kind'], field: GraphQLField<unknown, unknown>): string {
  const variables = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  return `${kind}${variables ? ` (${variables})` : ''} { ${field.name}${args ? `(${args})` : ''}${selectionOf(field)} }`;
}

/** Every query and mutation the supergraph serves (federation's own `_`-fields excluded). */
export function rootOperations(schema: GraphQLSchema): RootOperation[] {
  const roots: [RootOperation['kind'], ReturnType<GraphQLSchema['getQueryType']>][] = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ];
  return roots.flatMap(([kind, type]) =>
    Object.values(type?.getFields() ?? {})
      .filter((field) => !field.name.startsWith('_'))
      .map((field) => ({ kind, name: field.name, field, roles: rolesOf(field), document: documentOf(kind, field) })),
  );
}

/** Picks a value for an ID or string argument or input field by its name; undefined to use the default. */
export type ValuePicker = (name: string, type: GraphQLInputType, parentType?: string) => unknown;

/** A well-typed value for every argument: the picker's choice where it has one, a plain valid value otherwise. */
export function sampleVariables(args: readonly GraphQLArgument[], pick: ValuePicker, parentType?: string): Record<string, unknown> {
  return Object.fromEntries(args.map((arg) => [arg.name, sampleValue(arg.name, arg.type, pick, parentType)]));
}

function sampleValue(name: string, type: GraphQLInputType, pick: ValuePicker, parentType?: string): unknown {
  const picked = pick(name, type, parentType);
  if (picked !== undefined) return picked;
  if (isNonNullType(type)) return sampleValue(name, type.ofType, pick, parentType);
  if (isListType(type)) return [sampleValue(name, type.ofType, pick, parentType)];
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields()).map((field) => [field.name, sampleValue(field.name, field.type, pick, type.name)]),
    );
  }
  if (isScalarType(type)) return sampleScalar(type.name);
  return null;
}

function sampleScalar(scalar: string): unknown {
  switch (scalar) {
    case 'Int':
      return 1;
    case 'Float':
      return 1.5;
    case 'Boolean':
      return true;
    case 'ID':
      return '00000000-0000-4000-8000-000000000000';
    case 'DateTimeISO':
      return new Date().toISOString();
    default:
      return 'sample';
  }
}
