import { Field } from 'type-graphql';
import { IsOptional, MaxLength } from 'class-validator';

/**
 * The deprecated `engineer` input of the partner records: a name the caller typed for itself. The
 * record names the verified caller; the name is only shown in the audit note.
 */
export function DeprecatedEngineerField(): PropertyDecorator {
  return (target, property) => {
    Field(() => String, {
      nullable: true,
      deprecationReason: 'The record names the verified caller; a name given here is only shown in the audit note.',
    })(target, property);
    IsOptional()(target, property);
    MaxLength(100)(target, property);
  };
}
