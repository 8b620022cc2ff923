// The public pages' rate limits: counted in the database, exact under concurrent requests, and
// separate per key and per limit.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { RateLimitedError } from '../../api/src/domain/errors.ts';
import { runtime } from '../../api/src/runtime.ts';
import {
  consumeRateLimit,
  forgetOldRateLimits,
  RATE_LIMITS,
  withinRateLimit,
} from '../../api/src/services/rate-limit.service.ts';
import { startTestApp, type TestApp } from '../support/app.ts';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

test('the 61st answer-page request from one address in a minute is refused and says when to retry', async () => {
  for (let i = 0; i < 60; i++) await consumeRateLimit(RATE_LIMITS.answerPage, '203.0.113.7');
  const refusal = await consumeRateLimit(RATE_LIMITS.answerPage, '203.0.113.7').catch((error: unknown) => error);
  expect(refusal).toBeInstanceOf(RateLimitedError);
  expect((refusal as RateLimitedError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
  expect((refusal as RateLimitedError).retryAfterSeconds).toBeLessThanOrEqual(60);
  expect((refusal as RateLimitedError).message).toMatch(
    /^Too many answer page requests\. Try again in \d+ seconds?\.$/,
  );
});

test('another address and another limit keep their own budget', async () => {
  await expect(consumeRateLimit(RATE_LIMITS.answerPage, '203.0.113.8')).resolves.toBeUndefined();
  await expect(consumeRateLimit(RATE_LIMITS.memberSessionStart, '203.0.113.7')).resolves.toBeUndefined();
});

test('concurrent requests are all counted: of 50 at once, exactly the 30 of the budget pass', async () => {
  const outcomes = await Promise.all(
    Array.from({ length: 50 }, () => withinRateLimit(RATE_LIMITS.memberSessionStart, '198.51.100.1')),
  );
  expect(outcomes.filter(Boolean)).toHaveLength(30);
});

test('a sixth member-link request for one email in an hour is over the limit', async () => {
  const outcomes = [];
  for (let i = 0; i < 6; i++) outcomes.push(await withinRateLimit(RATE_LIMITS.memberLinkPerEmail, 'kim@example.com'));
  expect(outcomes).toEqual([true, true, true, true, true, false]);
});

test('windows that ended more than an hour ago are forgotten, counting ones are kept', async () => {
  const { rateLimit } = runtime().db.acrossOrganizations;
  await rateLimit.create({ data: { key: 'old-window', points: 3, expire: new Date(Date.now() - 2 * 3600_000) } });
  await consumeRateLimit(RATE_LIMITS.answerPage, '192.0.2.44');
  expect(await forgetOldRateLimits()).toBe(1);
  expect(await rateLimit.findUnique({ where: { key: 'old-window' } })).toBeNull();
  expect(await rateLimit.findUnique({ where: { key: 'answer-page:192.0.2.44' } })).toMatchObject({ points: 1 });
});
