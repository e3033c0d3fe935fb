import { Field } from 'type-graphql';
import { MaxLength } from 'class-validator';
import { IsNotBlank } from '@polyplus/subgraph-kit';

/** A required text field up to `length` characters, as its column holds it. */
function requiredText(length: number): PropertyDecorator {
  return (target, property) => {
    Field(() => String, { description: `Up to ${length} characters.` })(target, property);
    IsNotBlank()(target, property);
    MaxLength(length)(target, property);
  };
}

/** The carrier of a shipment, as the shipment and its tracking events name it. */
export const CarrierField = (): PropertyDecorator => requiredText(40);

/** The carrier's tracking number of a shipment. */
export const TrackingNumberField = (): PropertyDecorator => requiredText(64);
