import type { ApiError } from '@factdesk/domain';

/** An error answered by the API, carrying its readable message and, for validation, the fields at fault. */
export class ApiRequestError extends Error {
  constructor(readonly body: ApiError & Record<string, unknown>) {
    super(body.message);
  }
  get status() {
    return this.body.statusCode;
  }
}

/** JSON (or, for uploads, multipart FormData) over fetch with the session cookie; every non-2xx answer becomes an ApiRequestError. */
export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const form = init.body instanceof FormData;
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method: init.method ?? 'GET',
      credentials: 'same-origin',
      // The browser sets the multipart boundary itself, so FormData gets no content-type here.
      headers:
        init.body === undefined || form
          ? { accept: 'application/json' }
          : { accept: 'application/json', 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : form ? (init.body as FormData) : JSON.stringify(init.body),
    });
  } catch {
    throw new ApiRequestError({
      statusCode: 0,
      error: 'Network Error',
      message: 'Factdesk cannot be reached. Check your connection and try again.',
    });
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const body = (data as (ApiError & Record<string, unknown>) | undefined) ?? {
      statusCode: response.status,
      error: response.statusText,
      message: `The server answered ${response.status}.`,
    };
    throw new ApiRequestError(body);
  }
  return data as T;
}

/** A query string from the defined, non-empty values (arrays comma-joined, as the API reads them). */
export function qs(params: Record<string, string | number | boolean | string[] | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    search.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
