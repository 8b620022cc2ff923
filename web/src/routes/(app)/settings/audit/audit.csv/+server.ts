// The audit log as CSV, streamed from the API's export route with the session's token: a plain
// link downloads it (the HTTP-only cookie never reaches the page's script).
import { error, type RequestHandler } from '@sveltejs/kit';
import { apiUrl } from '$lib/server/api';
import { translate } from '$lib/i18n/translate';

export const GET: RequestHandler = async ({ locals, url, fetch }) => {
  if (!locals.token) error(401, translate(locals.lang, 'errors.signInFirst'));
  const lang = url.searchParams.get('lang') === 'da' ? 'da' : 'en';
  let upstream: Response;
  try {
    upstream = await fetch(`${apiUrl()}/export/audit.csv?lang=${lang}`, {
      headers: { authorization: `Bearer ${locals.token}` },
    });
  } catch {
    error(502, translate(locals.lang, 'errors.network'));
  }
  if (!upstream.ok) error(upstream.status, translate(locals.lang, 'errors.forbidden'));
  return new Response(upstream.body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="audit.csv"',
    },
  });
};
