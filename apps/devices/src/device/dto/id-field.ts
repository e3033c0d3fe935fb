import { Field, ID } from 'type-graphql';
import { IsUUID } from 'class-validator';

/** An ID argument of a device input: a UUID, refused as BAD_USER_INPUT otherwise. */
export function IdField(): PropertyDecorator {
  return (target, property) => {
    Field(() => ID)(target, property);
    IsUUID()(target, property);
  };
}
