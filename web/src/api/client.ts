import { askForToken, currentToken } from './token';

export interface GqlError {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
}

/** A GraphQL answer with errors, or a transport failure; `code` is extensions.code when present. */
export class GqlFailure extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly errors: GqlError[] = [],
  ) {
    super(message);
  }
}

export interface GqlAnswer<T> {
  data: T;
  extensions?: { warnings?: { code: string; message: string }[] };
}

/**
 * POSTs a query to /graphql with the stored bearer token. Resolves with the data when there are
 * no errors; rejects with a GqlFailure otherwise, and an UNAUTHENTICATED answer also opens the
 * token prompt.
 */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<GqlAnswer<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  const token = currentToken();
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }), signal });
  let body: { data?: T; errors?: GqlError[]; extensions?: GqlAnswer<T>['extensions'] };
  try {
    body = await res.json();
  } catch {
    throw new GqlFailure(`The server answered HTTP ${res.status} without GraphQL.`, `HTTP_${res.status}`);
  }
  if (body.errors?.length) {
    const first = body.errors[0];
    const code = first.extensions?.code;
    if (code === 'UNAUTHENTICATED') askForToken(first.message);
    throw new GqlFailure(first.message, code, body.errors);
  }
  return { data: body.data as T, extensions: body.extensions };
}
