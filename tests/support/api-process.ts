// An API in a process of its own (tests/support/instance.ts) on a test's database: for tests that
// need two instances, or that kill one with SIGKILL as a crash would.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { db } from '../../api/src/runtime.ts';
import { freePort } from '../e2e/support/trofast.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

async function untilReady(url: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`the API at ${url} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} never became ready`);
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 10));

/** Asks the process (tests/support/instance.ts) about its subscriptions to the organization's events. */
function relayOf(child: ChildProcess, organizationId: string) {
  return new Promise<{ subscribed: number; delivered: string }>((resolve) => {
    const answer = (message: { organizationId: string; subscribed: number; delivered: string }) => {
      if (message.organizationId !== organizationId) return;
      child.off('message', answer);
      resolve(message);
    };
    child.on('message', answer);
    child.send(organizationId);
  });
}

export interface ApiProcess {
  url: string;
  child: ChildProcess;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<number | NodeJS.Signals | null>;
  /** Waits until `count` subscriptions of this process have started listening to the organization's events. */
  untilListening(organizationId: string, count: number): Promise<void>;
  /** Waits until this process has handed every event of the organization stored so far to its subscribers. */
  untilDelivered(organizationId: string): Promise<void>;
  /** The process's resident memory and JavaScript heap in bytes, read just after it collected its garbage. */
  memory(): Promise<{ rss: number; heapUsed: number }>;
  stop(): Promise<void>;
}

/** Starts an API process whose clock stands at `now`, configured by `env` (DATABASE_URL, REDIS_URL …). */
export async function startApiProcess(now: Date, env: NodeJS.ProcessEnv): Promise<ApiProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', 'tests/support/instance.ts'], {
    cwd: root,
    env: {
      ...process.env,
      TROFAST_API_PORT: String(port),
      TROFAST_DEMO: '0',
      TROFAST_TEST_NOW: now.toISOString(),
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
  });
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal)),
  );
  await untilReady(url, child);
  return {
    url,
    child,
    exited,
    untilListening: async (organizationId, count) => {
      while ((await relayOf(child, organizationId)).subscribed < count) await pause();
    },
    untilDelivered: async (organizationId) => {
      const sequence = await db()
        .forOrganization(organizationId)
        .eventSequence.findUnique({ where: { organizationId } });
      const last = sequence?.last ?? 0n;
      while (BigInt((await relayOf(child, organizationId)).delivered) < last) await pause();
    },
    memory: () =>
      new Promise((resolve) => {
        const answer = (message: { memory?: { rss: number; heapUsed: number } }) => {
          if (!message.memory) return;
          child.off('message', answer);
          resolve(message.memory);
        };
        child.on('message', answer);
        child.send('memory');
      }),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
