// @Returns: what a route answers on success, declared once next to its handler. It feeds the OpenAPI
// document (a schema of libs/domain's types, plus the ApiError shape for every error), the response check
// that runs in tests (openapi/response-check.ts), and the compiler: a handler whose return type is not
// the declared one does not type-check.
import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiDefaultResponse, ApiResponse } from '@nestjs/swagger';
import type { CountedPage, Page } from '@factdesk/domain';
import type { DomainTypes } from '../openapi/domain-schemas.js';

export const RESPONSE_CONTRACT = 'factdesk:response-contract';

export type SchemaName = keyof DomainTypes;

export interface ResponseContract {
  /** The success statuses the route answers with (and any error status that answers the same type). */
  statuses: number[];
  /** The JSON body's schema; absent for empty answers. */
  schema?: object;
  /** A non-JSON body's media type (pages, feeds, streams): its content is not checked. */
  media?: string;
  /** Error statuses whose body extends ApiError with more (a conflict's current version, say). */
  errors?: Record<number, object>;
}

export interface ReturnsOptions {
  /** Success status(es); an error status listed here answers the route's own type (health's 503). */
  status?: number | number[];
  /** Error statuses with a body of their own libs/domain type (it extends ApiError), or one of several. */
  errors?: Partial<Record<number, SchemaName | SchemaName[]>>;
}

type Handler<R> = (...args: never[]) => R | Promise<R>;
/** A method decorator that only fits handlers returning R (or a promise of it). */
type HandlerDecorator<R> = <T extends Handler<R>>(
  target: object,
  key: string | symbol,
  descriptor: TypedPropertyDescriptor<T>,
) => void;

export const schemaRef = (name: SchemaName | 'ApiError') => ({ $ref: `#/components/schemas/${name}` });

function declare<R>(
  body: Pick<ResponseContract, 'schema' | 'media'>,
  description: string,
  { status = 200, errors = {} }: ReturnsOptions = {},
): HandlerDecorator<R> {
  // The status may also answer a plain ApiError (a 409 for another reason than the one with details).
  const errorSchemas = Object.fromEntries(
    Object.entries(errors).map(([code, names]) => [
      code,
      { anyOf: [...[names!].flat().map(schemaRef), schemaRef('ApiError')] },
    ]),
  );
  const contract: ResponseContract = { ...body, statuses: [status].flat(), errors: errorSchemas };
  const content = contract.media ? { [contract.media]: { schema: { type: 'string' } } } : undefined;
  return applyDecorators(
    SetMetadata(RESPONSE_CONTRACT, contract),
    ...contract.statuses.map((code) =>
      contract.schema
        ? ApiResponse({ status: code, description, schema: contract.schema })
        : ApiResponse({ status: code, description, ...(content ? { content } : {}) }),
    ),
    ...Object.entries(errorSchemas).map(([code, schema]) =>
      ApiResponse({ status: Number(code), description: [errors[Number(code)]!].flat().join(' or '), schema }),
    ),
    ApiDefaultResponse({ description: 'An error (the same shape for every status)', schema: schemaRef('ApiError') }),
  ) as unknown as HandlerDecorator<R>;
}

export const Returns = {
  /** One value of a libs/domain type. */
  one: <K extends SchemaName>(name: K, options?: ReturnsOptions) =>
    declare<DomainTypes[K]>({ schema: schemaRef(name) }, name, options),
  /** One value, or null (e.g. "who am I" when nobody is signed in). */
  oneOrNull: <K extends SchemaName>(name: K, options?: ReturnsOptions) =>
    declare<DomainTypes[K] | null>(
      { schema: { oneOf: [schemaRef(name), { type: 'null' }] } },
      `${name} or null`,
      options,
    ),
  /** An array of a libs/domain type. */
  many: <K extends SchemaName>(name: K, options?: ReturnsOptions) =>
    declare<DomainTypes[K][]>({ schema: { type: 'array', items: schemaRef(name) } }, `${name}[]`, options),
  /** A keyset page of a libs/domain type. */
  page: <K extends SchemaName>(name: K, options?: ReturnsOptions) =>
    declare<Page<DomainTypes[K]>>(
      {
        schema: {
          type: 'object',
          properties: { items: { type: 'array', items: schemaRef(name) }, nextCursor: { type: ['string', 'null'] } },
          required: ['items', 'nextCursor'],
          additionalProperties: false,
        },
      },
      `a page of ${name}`,
      options,
    ),
  /** A page of a list that also counts everything its filters match (`total`). */
  countedPage: <K extends SchemaName>(name: K, options?: ReturnsOptions) =>
    declare<CountedPage<DomainTypes[K]>>(
      {
        schema: {
          type: 'object',
          properties: {
            items: { type: 'array', items: schemaRef(name) },
            nextCursor: { type: ['string', 'null'] },
            total: { type: 'integer', minimum: 0 },
          },
          required: ['items', 'nextCursor', 'total'],
          additionalProperties: false,
        },
      },
      `a page of ${name}`,
      options,
    ),
  /** No body. */
  nothing: (options: ReturnsOptions = { status: 204 }) => declare<void>({}, 'No content', options),
  /** A page, a feed, a file or a stream, written to the reply by the handler (its errors may be pages too). */
  media: (type: string, options?: ReturnsOptions) => declare<unknown>({ media: type }, type, options),
};
