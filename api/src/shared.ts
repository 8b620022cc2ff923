// A subscription event reaches every subscriber of an organization at once; each re-reads what
// it sends from the database and renders it. Subscribers asking the same question of the same
// event share one answer, so fan-out costs one read and one rendering per distinct selection,
// not per subscriber.
const TTL_MS = 2000;
const answers = new Map<string, { value: unknown; expires: number }>();

export function shared<T>(key: string, compute: () => T): T {
  const now = Date.now();
  const cached = answers.get(key);
  if (cached && cached.expires > now) return cached.value as T;
  if (answers.size > 5000) {
    for (const [staleKey, entry] of answers) if (entry.expires <= now) answers.delete(staleKey);
  }
  const value = compute();
  answers.set(key, { value, expires: now + TTL_MS });
  if (value instanceof Promise) value.catch(() => answers.delete(key));
  return value;
}
