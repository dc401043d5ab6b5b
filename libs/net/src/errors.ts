export type OutboundErrorCode =
  'bad_url' | 'refused_address' | 'timeout' | 'too_large' | 'too_many_redirects' | 'network' | 'http_status';

/** Why an outgoing request was not made or did not finish, in words for the person who asked for it. */
export class OutboundRequestError extends Error {
  constructor(
    readonly code: OutboundErrorCode,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}
