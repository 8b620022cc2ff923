// One Trofast and one browser for a describe block: started before its tests, stopped after,
// cookies cleared between tests so each signs in afresh.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startTrofast, type Trofast } from './trofast.ts';
import { openBrowser, type Browser } from './browser.ts';

export interface Suite {
  trofast: Trofast;
  browser: Browser;
}

export function useTrofastInBrowser(
  options: {
    name: string;
    separate?: boolean;
    env?: NodeJS.ProcessEnv;
    prepare?: (suite: Suite) => Promise<void>;
  } = { name: 'trofast' },
): Suite {
  const suite = {} as Suite;
  beforeAll(async () => {
    [suite.trofast, suite.browser] = await Promise.all([
      startTrofast({ name: options.name, separate: options.separate, env: options.env }),
      openBrowser(),
    ]);
    await options.prepare?.(suite);
  }, 480_000);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.trofast?.stop();
  });
  beforeEach(async () => {
    await suite.browser.context.clearCookies();
  });
  return suite;
}
