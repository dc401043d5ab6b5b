import { IsUUID } from 'class-validator';

/** `:id` in a route: a UUID, or a 400 naming the field (never a database error). */
export class IdParam {
  @IsUUID('all', { message: 'must be an id (UUID)' })
  id: string;
}
