import { Directive, Field, ID, ObjectType } from 'type-graphql';

export type EntityReference = { id: string };

/**
 * A federation stub for an entity another subgraph owns: only its key. `resolvable: true` when
 * this subgraph contributes fields to it (then it also needs a reference resolver), else false.
 */
export function entityReference(typename: string, options: { resolvable: boolean }) {
  @Directive(options.resolvable ? '@key(fields: "id")' : '@key(fields: "id", resolvable: false)')
  @ObjectType(typename)
  class Reference implements EntityReference {
    @Field(() => ID)
    id: string;

    constructor(id: string) {
      this.id = id;
    }
  }
  Object.defineProperty(Reference, 'name', { value: `${typename}Reference` });
  return Reference;
}
