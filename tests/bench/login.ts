// Sign-in with an unknown email against sign-in with a known email and a wrong password, both over
// HTTP in the same run. An unknown email must not answer faster, or a stranger could tell which
// emails have an account: target ratio 0.8× to 1.25×. Each known email is tried once, from an
// address of its own (the API believes X-Forwarded-For from this host), so no attempt is paused
// by the sign-in throttle.
import { createOrganization } from '../../api/src/services/organization.service.ts';
import { benchApp, median, timed } from './support.ts';
import type { BenchTarget } from './run.ts';

const ATTEMPTS = 30;
const LOGIN = 'mutation ($input: LoginInput!) { login(input: $input) { __typename } }';

export async function loginBenchmark(target: BenchTarget) {
  const app = await benchApp(target);
  try {
    const run = Date.now();
    const known = Array.from({ length: ATTEMPTS + 1 }, (_, i) => `staff-${i}-${run}@bench.example`);
    await createOrganization(
      'Sign-in',
      known.map((email) => ({ email, name: 'Bench', role: 'VIEWER' as const, password: 'benchmark-password' })),
    );
    let sent = 0;
    const attempt = (email: string) =>
      timed(() =>
        fetch(`${app.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.18.0.${++sent}` },
          body: JSON.stringify({ query: LOGIN, variables: { input: { email, password: 'not the password' } } }),
        }).then((response) => response.text()),
      );
    // One of each first, so neither side pays for a cold start.
    await attempt(known[ATTEMPTS]);
    await attempt(`warm-${run}@nowhere.example`);
    const wrongPassword: number[] = [];
    const unknownEmail: number[] = [];
    for (let i = 0; i < ATTEMPTS; i++) {
      wrongPassword.push(await attempt(known[i]));
      unknownEmail.push(await attempt(`ghost-${i}-${run}@nowhere.example`));
    }
    const base = median(wrongPassword);
    const measured = median(unknownEmail);
    const ratio = measured / base;
    const within = ratio >= 0.8 && ratio <= 1.25;
    console.log(`\n[${target.label}] sign-in refused: ${ATTEMPTS} attempts of each, medians`);
    console.log(`  known email, wrong password: ${base.toFixed(1)} ms`);
    console.log(`  unknown email:               ${measured.toFixed(1)} ms`);
    console.log(`  ratio: ${ratio.toFixed(2)}× — ${within ? 'within 0.8–1.25×' : 'OUTSIDE 0.8–1.25×'}`);
  } finally {
    await app.stop();
  }
}
