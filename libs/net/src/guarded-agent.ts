import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import { isAllowedAddress, type AddressPolicy } from './addresses.js';
import { OutboundRequestError } from './errors.js';

const refusal = (host: string) =>
  new OutboundRequestError(
    'refused_address',
    `Addresses on private, loopback, link-local or reserved networks are not fetched (${host}).`,
  );

/** dns.lookup, refusing (before any connection) a name that resolves to an address the policy forbids. */
function guardedLookup(policy: AddressPolicy): net.LookupFunction {
  return (hostname, options, callback) =>
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 0);
      if (addresses.some((a) => !isAllowedAddress(a.address, policy))) return callback(refusal(hostname), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      return callback(null, addresses[0].address, addresses[0].family);
    });
}

type Connect = (options: net.NetConnectOpts, done?: (err: Error | null, socket: Duplex) => void) => Duplex;

/**
 * Wraps an agent's createConnection so that the address each connection actually uses is checked with
 * the same rules as the submission check (isAllowedAddress): an IP literal before connecting, a name
 * after DNS, which is what defeats DNS rebinding.
 */
function guard<T extends http.Agent>(agent: T, policy: AddressPolicy): T {
  const connect = (agent as unknown as { createConnection: Connect }).createConnection.bind(agent);
  (agent as unknown as { createConnection: Connect }).createConnection = (options, done) => {
    const host = (options as { host?: string }).host?.replace(/^\[|\]$/g, '') ?? '';
    if (net.isIP(host) && !isAllowedAddress(host, policy)) {
      const socket = new net.Socket();
      process.nextTick(() => socket.destroy(refusal(host)));
      return socket;
    }
    return connect({ ...options, lookup: guardedLookup(policy) } as net.NetConnectOpts, done);
  };
  return agent;
}

export function guardedAgents(policy: AddressPolicy): { http: http.Agent; https: https.Agent } {
  return {
    http: guard(new http.Agent({ keepAlive: false }), policy),
    https: guard(new https.Agent({ keepAlive: false }), policy),
  };
}
