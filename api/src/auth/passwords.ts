// argon2id (m = 19 MiB, t = 2, p = 1, OWASP's minimum), computed on libuv's thread pool so the
// event loop keeps serving while a password is checked.
import { hash, verify } from '@node-rs/argon2';

const OPTIONS = { memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password, OPTIONS);
}

// Checked against when the email is unknown, so an unknown email costs as long as a wrong password.
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('trofast-decoy-password');
  return decoy;
}
