import {
  getArgumentValues,
  getNamedType,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  isLeafType,
  isObjectType,
  Kind,
  OperationTypeNode,
  parse,
  print,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
  type VariableDefinitionNode,
} from 'graphql';
import { collectFields, type Fragments } from './collect-fields';
import { SUBSCRIPTION_FIELDS, type SubscriptionArgs, type SubscriptionField } from './subscription-fields';
import { EVENT_FIELD } from './subscription-schema';

/** A response key of a selection and the field it asks for. */
export type FieldKey = { responseKey: string; name: string };

/**
 * What fills each response key of the payload object: the type name, the field saying what
 * happened, the entity as read (its `ownFields`, leaf fields without arguments, are then set from
 * the event's snapshot), or the event itself (`fields` of SubscriptionEvent).
 */
export type PayloadKey =
  | { responseKey: string; fill: 'typename' }
  | { responseKey: string; fill: 'meta' }
  | { responseKey: string; fill: 'entity'; ownFields: FieldKey[] }
  | { responseKey: string; fill: 'event'; fields: FieldKey[] };

/**
 * One subscription turned into the query that answers it for each event: every `incident { … }`
 * (or `visit { … }`) of the subscription becomes `incident(id: $id) { … }` under the same response
 * key, plus a check field that tells whether the subscriber may see the entity at all and reads
 * what the filter arguments need. Built once per subscription, so the gateway's query-plan cache
 * serves every event after the first.
 */
export type DeliveryPlan = {
  field: SubscriptionField;
  args: SubscriptionArgs;
  /** The subscription's response key (`incidentUpdated` or its alias) and the payload's type name. */
  rootKey: string;
  typeName: string;
  keys: PayloadKey[];
  query: string;
  operationName: string;
  /** The subscriber's variables the query uses, without the entity id. */
  variables: Record<string, unknown>;
  idVariable: string;
  checkKey: string;
};

const name = (value: string) => ({ kind: Kind.NAME, value }) as const;

function unique(base: string, taken: Set<string>): string {
  let candidate = base;
  for (let i = 2; taken.has(candidate); i++) candidate = `${base}${i}`;
  return candidate;
}

/** The fields several nodes of one response key select, merged. */
function subFields(nodes: FieldNode[], fragments: Fragments, variables: Record<string, unknown>) {
  return collectFields(
    { kind: Kind.SELECTION_SET, selections: nodes.flatMap((node) => node.selectionSet?.selections ?? []) },
    fragments,
    variables,
  );
}

/** The leaf fields without arguments the selection asks of the entity: those an event's snapshot can answer. */
function ownFieldsOf(
  entityType: GraphQLObjectType | undefined,
  nodes: FieldNode[],
  fragments: Fragments,
  variables: Record<string, unknown>,
): FieldKey[] {
  if (!entityType) return [];
  return subFields(nodes, fragments, variables)
    .filter((collected) => {
      const definition = entityType.getFields()[collected.name];
      return (
        definition !== undefined && isLeafType(getNamedType(definition.type)) && collected.nodes.every((node) => !node.arguments?.length)
      );
    })
    .map(({ responseKey, name: fieldName }) => ({ responseKey, name: fieldName }));
}

/** Variables and fragments a selection uses, following fragment spreads. */
function dependencies(
  selectionSets: SelectionSetNode[],
  fragments: Fragments,
): { variables: Set<string>; fragments: FragmentDefinitionNode[] } {
  const variables = new Set<string>();
  const used = new Map<string, FragmentDefinitionNode>();
  const pending = [...selectionSets];
  while (pending.length > 0) {
    visit(pending.pop() as SelectionSetNode, {
      Variable: (node) => void variables.add(node.name.value),
      FragmentSpread: (node) => {
        const fragment = fragments.get(node.name.value);
        if (!fragment || used.has(fragment.name.value)) return;
        used.set(fragment.name.value, fragment);
        pending.push(fragment.selectionSet);
      },
    });
  }
  return { variables, fragments: [...used.values()] };
}

/**
 * Plans the delivery query of a validated subscription document. Throws a GraphQLError when the
 * variables do not fit the operation or the operation subscribes to nothing.
 */
export function planDelivery(
  schema: GraphQLSchema,
  document: DocumentNode,
  requestedOperation: string | null | undefined,
  rawVariables: Record<string, unknown> | null | undefined,
): DeliveryPlan {
  const operation = getOperationAST(document, requestedOperation) as OperationDefinitionNode | null;
  const subscriptionType = schema.getSubscriptionType();
  if (!operation || operation.operation !== OperationTypeNode.SUBSCRIPTION || !subscriptionType)
    throw new GraphQLError('Only subscription operations are served here');
  const coercion = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {});
  if (coercion.errors) throw coercion.errors[0];
  const variables = coercion.coerced;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);

  const [root, ...more] = collectFields(operation.selectionSet, fragments, variables);
  const field = SUBSCRIPTION_FIELDS.find((candidate) => candidate.name === root?.name);
  const fieldDef = subscriptionType.getFields()[root?.name ?? ''];
  if (!root || more.length > 0 || !field || !fieldDef) throw new GraphQLError('A subscription selects exactly one subscription field');
  const args = getArgumentValues(fieldDef, root.nodes[0], variables);

  // The payload's fields, merged over every node of the root field (a repeated field merges).
  const payloadSelection: SelectionSetNode = {
    kind: Kind.SELECTION_SET,
    selections: root.nodes.flatMap((node) => node.selectionSet?.selections ?? []),
  };
  const keys: PayloadKey[] = [];
  const entityNodes: { responseKey: string; node: FieldNode }[] = [];
  const payloadType = getNamedType(fieldDef.type);
  const entityType = isObjectType(payloadType) ? getNamedType(payloadType.getFields()[field.entityField]?.type) : undefined;
  for (const collected of collectFields(payloadSelection, fragments, variables)) {
    if (collected.name === '__typename') keys.push({ responseKey: collected.responseKey, fill: 'typename' });
    else if (collected.name === field.metaField) keys.push({ responseKey: collected.responseKey, fill: 'meta' });
    else if (collected.name === EVENT_FIELD) {
      keys.push({
        responseKey: collected.responseKey,
        fill: 'event',
        fields: subFields(collected.nodes, fragments, variables).map(({ responseKey, name: fieldName }) => ({
          responseKey,
          name: fieldName,
        })),
      });
    } else if (collected.name === field.entityField) {
      keys.push({
        responseKey: collected.responseKey,
        fill: 'entity',
        ownFields: ownFieldsOf(isObjectType(entityType) ? entityType : undefined, collected.nodes, fragments, variables),
      });
      for (const node of collected.nodes) entityNodes.push({ responseKey: collected.responseKey, node });
    }
  }

  const operationVariables = new Set((operation.variableDefinitions ?? []).map((definition) => definition.variable.name.value));
  const idVariable = unique('entityId', operationVariables);
  const checkKey = unique('subscriptionCheck', new Set(keys.map((key) => key.responseKey)));
  const idArgument = [{ kind: Kind.ARGUMENT, name: name('id'), value: { kind: Kind.VARIABLE, name: name(idVariable) } }] as const;
  const entitySelections: SelectionNode[] = entityNodes.map(({ responseKey, node }) => ({
    kind: Kind.FIELD,
    // Aliased only when the key differs: the delivery query keeps the subscription's alias count.
    alias: responseKey === field.queryField ? undefined : name(responseKey),
    name: name(field.queryField),
    arguments: idArgument,
    // @skip/@include were applied while collecting; the selection below keeps its own.
    directives: [],
    selectionSet: node.selectionSet,
  }));
  // Visibility and filter facts, read in the same request with the subscriber's principal.
  const checkSelection = field.filterSelection(args)?.replace(/^\{/, '{ id ') ?? '{ id }';
  const checkDocument = parse(`query($${idVariable}: ID!) { ${checkKey}: ${field.queryField}(id: $${idVariable}) ${checkSelection} }`);
  const checkOperation = checkDocument.definitions[0] as OperationDefinitionNode;

  const used = dependencies(
    entityNodes.map(({ node }) => node.selectionSet).filter((set): set is SelectionSetNode => Boolean(set)),
    fragments,
  );
  const variableDefinitions: VariableDefinitionNode[] = [
    ...(checkOperation.variableDefinitions ?? []),
    ...(operation.variableDefinitions ?? []).filter((definition) => used.variables.has(definition.variable.name.value)),
  ];
  const operationName = `${field.name}Delivery`;
  const query: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [
      {
        kind: Kind.OPERATION_DEFINITION,
        operation: OperationTypeNode.QUERY,
        name: name(operationName),
        variableDefinitions,
        directives: [],
        selectionSet: { kind: Kind.SELECTION_SET, selections: [...entitySelections, ...checkOperation.selectionSet.selections] },
      },
      ...used.fragments,
    ],
  };
  const passedVariables = Object.fromEntries(Object.entries(rawVariables ?? {}).filter(([key]) => used.variables.has(key)));
  return {
    field,
    args,
    rootKey: root.responseKey,
    typeName: getNamedType(fieldDef.type).name,
    keys,
    query: print(query),
    operationName,
    variables: passedVariables,
    idVariable,
    checkKey,
  };
}
