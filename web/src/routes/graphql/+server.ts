// GraphQL over HTTP for the page, on the dashboard's own origin: the body goes to the API as is,
// with the session cookie's token as a Bearer credential. Responses stream through, so an SSE
// subscription (`accept: text/event-stream`) works too.
import { error, type RequestHandler } from '@sveltejs/kit';
import { apiUrl } from '$lib/server/api';
import { translate } from '$lib/i18n/translate';

const FORWARDED_RESPONSE_HEADERS = ['content-type', 'cache-control'];

function checkOrigin(request: Request, url: URL): void {
  // SameSite=Lax keeps the cookie off other sites' requests; this also refuses same-site origins.
  const origin = request.headers.get('origin');
  if (origin && origin !== url.origin) error(403, 'Cross-origin GraphQL requests are refused.');
}

/** An answer the API would give, in the page's language, when the request cannot reach it. */
function failure(status: number, code: string, message: string): Response {
  return Response.json({ errors: [{ message, extensions: { code } }] }, { status });
}

async function forward(
  request: Request,
  locals: App.Locals,
  target: string,
  body?: string | ArrayBuffer,
): Promise<Response> {
  const { token, lang } = locals;
  if (!token) return failure(401, 'UNAUTHENTICATED', translate(lang, 'errors.signInFirst'));
  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method: request.method,
      headers: {
        'content-type': request.headers.get('content-type') ?? 'application/json',
        accept: request.headers.get('accept') ?? 'application/graphql-response+json, application/json',
        authorization: `Bearer ${token}`,
      },
      body,
      signal: request.signal,
    });
  } catch {
    return failure(502, 'API_UNREACHABLE', translate(lang, 'errors.network'));
  }
  const headers = new Headers();
  for (const name of FORWARDED_RESPONSE_HEADERS) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(upstream.body, { status: upstream.status, headers });
}

export const POST: RequestHandler = async ({ request, locals, url }) => {
  checkOrigin(request, url);
  const type = request.headers.get('content-type') ?? '';
  // A file upload (startImport) is multipart, which any site can send without a preflight: it is
  // taken only with this origin's Origin header, which browsers send on every cross-site POST.
  if (/^multipart\/form-data\b/.test(type)) {
    if (request.headers.get('origin') !== url.origin) error(403, 'Uploads are taken from this site only.');
    return forward(request, locals, `${apiUrl()}/graphql`, await request.arrayBuffer());
  }
  // A JSON body cannot be sent cross-site without a CORS preflight, which this endpoint never grants.
  if (!/\bjson\b/.test(type)) {
    error(415, 'Send GraphQL as application/json.');
  }
  return forward(request, locals, `${apiUrl()}/graphql`, await request.text());
};

export const GET: RequestHandler = async ({ request, locals, url }) => {
  checkOrigin(request, url);
  return forward(request, locals, `${apiUrl()}/graphql${url.search}`);
};
