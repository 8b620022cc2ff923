declare global {
  namespace App {
    interface Locals {
      /** The signed-in staff member, from the session cookie. */
      user: {
        id: string;
        name: string;
        email: string;
        role: 'ADMIN' | 'MANAGER' | 'AGENT' | 'VIEWER';
        locale: 'DA' | 'SV' | 'NB' | 'EN';
      } | null;
      /** The session token, forwarded to the API as a Bearer credential; never sent to the page. */
      token: string | null;
      /** The dashboard's language: the user's stored locale, before sign-in the switch's cookie. */
      lang: import('$lib/i18n/language').Lang;
    }
  }
}

export {};
