import { Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, ArrayUnique, IsEnum, IsInt, IsOptional, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { NotificationCategory } from '../../notice/notification-category';
import { DeliveryMode } from '../delivery-mode';

@InputType()
export class SetNotificationPreferencesInput {
  @Field(() => ID)
  @IsUUID()
  contactId: string;

  @Field(() => DeliveryMode)
  @IsEnum(DeliveryMode)
  mode: DeliveryMode;

  @Field(() => [NotificationCategory], { description: 'The categories to receive, each once; empty: no mail at all.' })
  @ArrayMaxSize(5)
  @ArrayUnique()
  @IsEnum(NotificationCategory, { each: true })
  categories: NotificationCategory[];

  @Field(() => String, {
    nullable: true,
    description: 'IANA time zone, up to 64 characters, e.g. Europe/Berlin; null: the case site’s zone.',
  })
  @IsOptional()
  @MaxLength(64)
  timeZone?: string | null;

  @Field(() => String, { nullable: true, description: 'BCP 47 locale, up to 16 characters, e.g. en-GB or de-DE.' })
  @IsOptional()
  @MaxLength(16)
  locale?: string | null;

  @Field(() => Int, { nullable: true, description: 'Local hour of the daily digest, 0 to 23.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(23)
  digestHour?: number | null;
}
