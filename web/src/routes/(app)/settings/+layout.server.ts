import { error } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';
import { can } from '$lib/access';
import { translate } from '$lib/i18n/translate';

// Settings are the ADMIN's: others get 403 from the server, not just a hidden link.
export const load: LayoutServerLoad = async ({ parent, locals }) => {
  const { user } = await parent();
  if (!can(user.role, 'administer')) error(403, translate(locals.lang, 'errors.forbidden'));
};
