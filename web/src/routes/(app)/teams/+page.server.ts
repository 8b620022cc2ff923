import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { can } from '$lib/access';
import { translate } from '$lib/i18n/translate';

// Pulse results are for managers and up: others get 403 from the server, not just a hidden link.
export const load: PageServerLoad = async ({ parent, locals }) => {
  const { user } = await parent();
  if (!can(user.role, 'readPulse')) error(403, translate(locals.lang, 'errors.forbidden'));
};
