import type { ApiError } from '@factdesk/domain';

/** An error answered by the API, carrying its readable message and, for validation, the fields at fault. */
export class ApiRequestError extends Error {
  constructor(readonly body: ApiError) {
    super(body.message);
  }
  get status() {
    return this.body.statusCode;
  }
}

/** JSON over fetch with the session cookie; every non-2xx answer becomes an ApiRequestError. */
export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method: init.method ?? 'GET',
      credentials: 'same-origin',
      headers: init.body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    throw new ApiRequestError({ statusCode: 0, error: 'Network Error', message: 'Factdesk cannot be reached. Check your connection and try again.' });
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const body = (data as ApiError | undefined) ?? { statusCode: response.status, error: response.statusText, message: `The server answered ${response.status}.` };
    throw new ApiRequestError(body);
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
