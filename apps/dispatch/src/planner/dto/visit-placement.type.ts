import { Field, ObjectType } from 'type-graphql';

@ObjectType('VisitPlacement', { description: 'Why a planned visit is where it is: the technician chosen and what bounded its time.' })
export class VisitPlacementExplanation {
  @Field(() => String)
  summary: string;

  @Field(() => [String], { description: 'The constraints around the slot; the binding ones first, marked “binding”.' })
  constraints: string[];
}
