// Background work that is safe with several API instances: before a job runs, its instance takes
// a lease on the job's row in the database; another instance finds it held and skips that round.
import { randomUUID } from 'node:crypto';
import { Prisma } from '../generated/prisma/client.ts';
import type { Runtime } from '../runtime.ts';

export interface Job {
  name: string;
  /** How often it runs (real time). */
  everyMs: number;
  /** Longer than any run takes: an instance that dies mid-run frees the job after this. */
  leaseMs: number;
  run(now: Date): Promise<void>;
}

export interface Scheduler {
  /** Runs every job once now, in order (tests move the clock, then call this). */
  runAll(): Promise<void>;
  stop(): void;
}

const INSTANCE = randomUUID();

/** Takes the job's lease for this instance; false when another instance holds it. */
async function takeLease(runtime: Runtime, job: Job, now: Date): Promise<boolean> {
  const until = new Date(now.getTime() + job.leaseMs);
  const rows = await runtime.db.acrossOrganizations.$queryRaw<{ holder: string }[]>(Prisma.sql`
    INSERT INTO "JobLease" (name, holder, "leaseUntil") VALUES (${job.name}, ${INSTANCE}, ${until})
    ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, "leaseUntil" = EXCLUDED."leaseUntil"
    WHERE "JobLease"."leaseUntil" <= ${now} OR "JobLease".holder = ${INSTANCE}
    RETURNING holder`);
  return rows.length === 1;
}

async function releaseLease(runtime: Runtime, job: Job): Promise<void> {
  await runtime.db.acrossOrganizations.jobLease.updateMany({
    where: { name: job.name, holder: INSTANCE },
    data: { leaseUntil: new Date(0) },
  });
}

export function startScheduler(runtime: Runtime, jobs: Job[], options: { timers: boolean }): Scheduler {
  const running = new Set<string>();

  async function runJob(job: Job): Promise<void> {
    if (running.has(job.name)) return;
    running.add(job.name);
    try {
      const now = runtime.clock.now();
      if (!(await takeLease(runtime, job, now))) return;
      try {
        await job.run(now);
      } finally {
        await releaseLease(runtime, job);
      }
    } catch (error) {
      runtime.log.error('background job failed', { job: job.name, error });
    } finally {
      running.delete(job.name);
    }
  }

  const timers = options.timers ? jobs.map((job) => setInterval(() => void runJob(job), job.everyMs)) : [];
  return {
    async runAll() {
      for (const job of jobs) await runJob(job);
    },
    stop() {
      timers.forEach((timer) => clearInterval(timer));
    },
  };
}
