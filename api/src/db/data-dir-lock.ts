// PGlite opens a data folder without locking it; two processes writing one folder corrupt it.
// A lock file beside the folder, holding the owner's pid, keeps a second process out.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config.ts';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A data folder that cannot be made or written (a file in its path, no permission): the operator's to fix. */
function unusable(dataDir: string, error: unknown): ConfigError {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'EEXIST' || code === 'ENOTDIR'
      ? 'a part of that path is a file, not a folder'
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? 'this process may not write there'
        : (error as Error).message;
  return new ConfigError(
    `TROFAST_DATA_DIR=${dataDir} cannot hold the embedded database: ${why}. Set TROFAST_DATA_DIR to a folder Trofast may create and write.`,
  );
}

/** Takes the data folder for this process; returns the release function. */
export function lockDataDir(dataDir: string): () => void {
  try {
    mkdirSync(path.dirname(dataDir), { recursive: true });
  } catch (error) {
    throw unusable(dataDir, error);
  }
  const lockPath = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw unusable(dataDir, error);
      const owner = Number(readFileSync(lockPath, 'utf8'));
      if (Number.isInteger(owner) && owner > 0 && alive(owner)) {
        throw new ConfigError(
          `The data folder ${dataDir} is in use by process ${owner}. Stop that Trofast first, or set TROFAST_DATA_DIR to another folder.`,
        );
      }
      // The owner died without releasing it: the lock is stale.
      rmSync(lockPath, { force: true });
    }
  }
  throw new ConfigError(`Could not lock the data folder ${dataDir}; another process keeps taking it.`);
}
