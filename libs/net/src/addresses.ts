import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { OutboundRequestError } from './errors.js';

export interface AddressPolicy {
  /** Allow loopback, private and link-local targets: for tests and for sources on an intranet, never by default. */
  allowPrivate?: boolean;
  /** Individual addresses allowed despite the rules (e.g. one intranet host). */
  allowAddresses?: string[];
}

const v4 = (hi: number, lo: number) => ipaddr.fromByteArray([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]) as ipaddr.IPv4;

/**
 * The IPv4 address an IPv6 address carries, for the forms that reach it: IPv4-compatible (`::a.b.c.d`),
 * IPv4-mapped (`::ffff:a.b.c.d`), IPv4-translated (`::ffff:0:a.b.c.d`), NAT64 (`64:ff9b::a.b.c.d`) and
 * 6to4 (`2002:aabb:ccdd::`). Without this `[::7f00:1]` would pass as public while it means 127.0.0.1.
 */
export function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | null {
  const p = address.parts;
  const zeros = (from: number, to: number) => p.slice(from, to).every((x) => x === 0);
  if (zeros(0, 5) && (p[5] === 0 || p[5] === 0xffff)) return v4(p[6], p[7]);
  if (zeros(0, 4) && p[4] === 0xffff && p[5] === 0) return v4(p[6], p[7]);
  if (p[0] === 0x64 && p[1] === 0xff9b && zeros(2, 6)) return v4(p[6], p[7]);
  if (p[0] === 0x2002) return v4(p[1], p[2]);
  return null;
}

/**
 * Addresses no outgoing request may reach unless allowed: anything but public unicast. An IPv6 address
 * that embeds an IPv4 one is judged as that IPv4 address; other special IPv6 ranges (Teredo, local-use
 * NAT64, documentation…) are refused.
 */
export function isRefusedAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return true;
  const parsed = ipaddr.parse(address);
  const judged = parsed.kind() === 'ipv6' ? (embeddedIPv4(parsed as ipaddr.IPv6) ?? parsed) : parsed;
  return judged.range() !== 'unicast';
}

/** Whether the policy lets a request reach this address. */
export function isAllowedAddress(address: string, policy: AddressPolicy = {}): boolean {
  return (
    policy.allowPrivate === true || policy.allowAddresses?.includes(address) === true || !isRefusedAddress(address)
  );
}

/** Parses a URL a person gave and checks it is http(s); throws OutboundRequestError('bad_url') otherwise. */
export function parseWebUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundRequestError('bad_url', 'That is not a valid web address.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new OutboundRequestError('bad_url', 'Only http and https addresses can be fetched.');
  if (!url.hostname) throw new OutboundRequestError('bad_url', 'The address has no host.');
  return url;
}

/**
 * Checks, before anything is queued, that a URL is http(s) and that every address its host resolves to is
 * public. The connection itself is checked again when it is made (see safeFetch), which is what defeats
 * DNS rebinding; this early check gives the person a clear answer at once.
 */
export async function assertFetchableUrl(raw: string, policy: AddressPolicy = {}): Promise<URL> {
  const url = parseWebUrl(raw);
  if (policy.allowPrivate) return url;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (ipaddr.isValid(host)) {
    addresses = [host];
  } else {
    try {
      addresses = (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
    } catch {
      throw new OutboundRequestError('bad_url', `The host ${host} could not be found.`);
    }
  }
  const refused = addresses.find((a) => !isAllowedAddress(a, policy));
  if (refused)
    throw new OutboundRequestError(
      'refused_address',
      `Addresses on private, loopback, link-local or reserved networks are not fetched (${host} is ${refused}).`,
    );
  return url;
}
