/** class-transformer `@Transform` functions shared by the request DTOs. */
type Input = { value: unknown };

/** Surrounding white space never matters in a field a person typed. */
export const trim = ({ value }: Input) => (typeof value === 'string' ? value.trim() : value);

/** Emails compare case-insensitively. */
export const trimLower = ({ value }: Input) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

/** A query parameter's comma-separated list. */
export const commaList = ({ value }: Input) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : value;

/** A query parameter's true/false. */
export const queryBoolean = ({ value }: Input) => (value === 'true' ? true : value === 'false' ? false : value);

/** A whole number sent as text (a multipart form field) becomes a number; anything else is left for the validator. */
export const wholeNumber = ({ value }: Input) =>
  typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value;

/** An empty text field means "not given". */
export const trimOrUndefined = ({ value }: Input) => (typeof value === 'string' ? value.trim() || undefined : value);
