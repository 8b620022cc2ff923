// Whether an address is one of the internet's, the only kind a webhook may reach unless the
// operator allows an intranet: loopback, private, link-local, carrier-grade NAT, multicast,
// reserved and the like are refused (ipaddr.js names the ranges; IPv4 inside IPv6 is unwrapped).
import ipaddr from 'ipaddr.js';

export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
}
