/**
 * An organization's address on the member page, from its name: lower-case ASCII letters, digits
 * and hyphens ("Café Øst" → "cafe-ost"), so it reads well in a link and survives any mail client.
 */
export function slugFor(name: string): string {
  const folded = name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  const slug = folded
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug === '' ? 'shop' : slug;
}
