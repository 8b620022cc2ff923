// "Download my data": everything stored about the customer, as one JSON file.
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { graphql } from '$lib/server/api';
import { MEMBER_COOKIE, MEMBER_DATA } from '$lib/server/member';

export const GET: RequestHandler = async ({ params, cookies, fetch }) => {
  const token = cookies.get(MEMBER_COOKIE);
  if (!token) error(401, 'Open your page from its link first.');
  const result = await graphql<{ member: { organizationSlug: string; dataExport: unknown } | null }>(
    fetch,
    MEMBER_DATA,
    {},
    token,
  );
  const member = result.data?.member;
  if (!member || member.organizationSlug !== params.slug) error(401, 'Open your page from its link first.');
  return new Response(JSON.stringify(member.dataExport, null, 2), {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="${params.slug}-my-data.json"`,
      'cache-control': 'no-store',
    },
  });
};
