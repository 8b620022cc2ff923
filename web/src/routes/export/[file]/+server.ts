// The CSV exports for the signed-in user: the API's /export/<kind>.csv with the session's token,
// streamed through as it arrives, so a large export never sits in this server's memory either.
import { error, type RequestHandler } from '@sveltejs/kit';
import { apiUrl } from '$lib/server/api';
import { translate } from '$lib/i18n/translate';

export const GET: RequestHandler = async ({ params, locals, url, request }) => {
  const { token, lang } = locals;
  if (!token) error(401, translate(lang, 'errors.signInFirst'));
  if (!/^[a-z]+\.csv$/.test(params.file ?? '')) error(404);
  let upstream: Response;
  try {
    upstream = await fetch(`${apiUrl()}/export/${params.file}${url.search}`, {
      headers: { authorization: `Bearer ${token}` },
      signal: request.signal,
    });
  } catch {
    error(502, translate(lang, 'errors.network'));
  }
  const headers = new Headers();
  for (const name of ['content-type', 'content-disposition']) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(upstream.body, { status: upstream.status, headers });
};
