import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { OutboundRequestError } from './errors.js';

export interface AddressPolicy {
  /** Allow loopback, private and link-local targets: for tests and for sources on an intranet, never by default. */
  allowPrivate?: boolean;
  /** Individual addresses allowed despite the rules (e.g. one intranet host). */
  allowAddresses?: string[];
}

/** Addresses no outgoing request may reach unless allowed: anything but public unicast. */
export function isRefusedAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return true;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() !== 'unicast';
}

/** Parses a URL a person gave and checks it is http(s); throws OutboundRequestError('bad_url') otherwise. */
export function parseWebUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundRequestError('bad_url', 'That is not a valid web address.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new OutboundRequestError('bad_url', 'Only http and https addresses can be fetched.');
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
  const refused = addresses.find((a) => isRefusedAddress(a) && !policy.allowAddresses?.includes(a));
  if (refused) throw new OutboundRequestError('refused_address', `Addresses on private, loopback, link-local or reserved networks are not fetched (${host} is ${refused}).`);
  return url;
}
