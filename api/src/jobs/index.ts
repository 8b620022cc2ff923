// Every background job, in the order a round runs them.
import type { Job } from './scheduler.ts';
import { forgetExpiredKeys } from '../services/idempotency.service.ts';
import { recomputeDueCustomers } from '../services/recompute.service.ts';

const MINUTE = 60 * 1000;

export const JOBS: Job[] = [
  {
    name: 'recompute-due-customers',
    everyMs: MINUTE,
    leaseMs: 10 * MINUTE,
    run: async (now) => {
      await recomputeDueCustomers(now);
    },
  },
  {
    name: 'forget-idempotency-keys',
    everyMs: 60 * MINUTE,
    leaseMs: 10 * MINUTE,
    run: async (now) => {
      await forgetExpiredKeys(now);
    },
  },
];
