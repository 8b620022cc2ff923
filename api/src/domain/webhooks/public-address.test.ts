import { describe, expect, it } from 'vitest';
import { isPublicAddress } from './public-address.ts';

describe('a webhook may reach only the internet’s addresses', () => {
  it.each([
    ['loopback', '127.0.0.1'],
    ['private 10/8', '10.0.0.1'],
    ['private 192.168/16', '192.168.1.20'],
    ['link-local (cloud metadata)', '169.254.169.254'],
    ['unspecified', '0.0.0.0'],
    ['carrier-grade NAT', '100.64.0.1'],
    ['IPv6 loopback', '::1'],
    ['IPv6 unique local', 'fd00::1'],
    ['IPv6 link-local', 'fe80::1'],
    ['IPv4 loopback inside IPv6', '::ffff:127.0.0.1'],
    ['not an address', 'localhost'],
  ])('%s (%s) is refused', (_, address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([['93.184.215.14'], ['2606:2800:21f:cb07:6820:80da:af6b:8b2c'], ['::ffff:8.8.8.8']])(
    '%s is allowed',
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );
});
