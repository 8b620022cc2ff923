// A Trofast command in a process of its own (`node --import tsx <script> …`), run to its end.
// Asynchronous on purpose: a test's own API keeps serving meanwhile (spawnSync would freeze it,
// and its idle keep-alive connections would then be reset under the next request).
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));

export interface Finished {
  /** The exit code; null when it was stopped by a signal or the timeout. */
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `script` (relative to the repository) with `args`, quiet logs and no demo unless `env` says otherwise. */
export function runScript(script: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<Finished> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', script, ...args],
      {
        cwd: root,
        env: { ...process.env, TROFAST_DEMO: '0', LOG_LEVEL: 'warn', ...env },
        encoding: 'utf8',
        timeout: 120_000,
      },
      (error, stdout, stderr) => {
        const code = (error as { code?: unknown } | null)?.code;
        resolve({ status: error ? (typeof code === 'number' ? code : null) : 0, stdout, stderr });
      },
    );
  });
}
