/**
 * An address of the form local@domain.tld, without spaces: what a form accepts. One pass over the
 * characters, so its time grows with the length and nothing more (a backtracking pattern took 15 s
 * on a 156 KB string and froze the process).
 */
export function isEmailAddress(value: string): boolean {
  const at = value.indexOf('@');
  if (at < 1 || at !== value.lastIndexOf('@')) return false;
  const lastDot = value.lastIndexOf('.');
  if (lastDot < at + 2 || lastDot === value.length - 1) return false;
  for (let index = 0; index < value.length; index++) {
    if (/\s/.test(value[index])) return false;
  }
  return true;
}
