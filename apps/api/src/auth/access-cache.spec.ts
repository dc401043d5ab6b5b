import type { UserEntity } from '@factdesk/persistence';
import type { Principal } from '../common/access.js';
import type { ChangeSubscriber, DatabaseChanges } from '../database/database-changes.js';
import { ACCESS_CACHE_MAX_AGE_MS, ACCESS_CHANNEL, AccessCache } from './access-cache.js';

/** A cache wired to a change feed the test drives itself (the real feed is tested in test/auth.spec.ts). */
function setup() {
  let subscriber: ChangeSubscriber | undefined;
  const changes = {
    subscribe: (channel: string, s: ChangeSubscriber) => channel === ACCESS_CHANNEL && (subscriber = s),
  } as unknown as DatabaseChanges;
  const cache = new AccessCache(changes);
  subscriber!.live(true);
  return { cache, feed: subscriber! };
}

const principal = (userId: string): Principal => ({
  user: { id: userId } as UserEntity,
  via: 'session',
  sessionId: `s-${userId}`,
  sessionExpiresAt: null,
});
const now = 1_000_000;

describe('AccessCache', () => {
  it('answers a stored session until its own expiry, and no longer than the maximum age', () => {
    const { cache } = setup();
    cache.set('session', 'a', cache.begin(), principal('u1'), new Date(now + 5_000), now);
    cache.set('session', 'b', cache.begin(), principal('u2'), null, now);
    expect(cache.get('session', 'a', now + 4_999)?.user.id).toBe('u1');
    expect(cache.get('session', 'a', now + 5_000)).toBeUndefined();
    expect(cache.get('session', 'b', now + ACCESS_CACHE_MAX_AGE_MS)?.user.id).toBe('u2');
    expect(cache.get('session', 'b', now + ACCESS_CACHE_MAX_AGE_MS + 1)).toBeUndefined();
  });

  it("drops a user's entries when the database reports a change of their access, and everything for '*'", () => {
    const { cache, feed } = setup();
    cache.set('session', 'a', cache.begin(), principal('u1'), null, now);
    cache.set('session', 'b', cache.begin(), principal('u1'), null, now);
    cache.set('session', 'c', cache.begin(), principal('u2'), null, now);
    feed.changed('u1');
    expect(cache.get('session', 'a', now)).toBeUndefined();
    expect(cache.get('session', 'b', now)).toBeUndefined();
    expect(cache.get('session', 'c', now)?.user.id).toBe('u2');
    feed.changed('*');
    expect(cache.size).toBe(0);
  });

  it('does not store a lookup that began before a change', () => {
    const { cache, feed } = setup();
    const generation = cache.begin();
    feed.changed('someone-else');
    cache.set('session', 'a', generation, principal('u1'), null, now);
    expect(cache.get('session', 'a', now)).toBeUndefined();
    cache.set('session', 'a', cache.begin(), principal('u1'), null, now);
    cache.forget('session', 'a');
    expect(cache.get('session', 'a', now)).toBeUndefined();
  });

  it('caches nothing while the change feed is down, and starts empty when it is back', () => {
    const { cache, feed } = setup();
    cache.set('session', 'a', cache.begin(), principal('u1'), null, now);
    feed.live(false);
    expect(cache.get('session', 'a', now)).toBeUndefined();
    cache.set('session', 'b', cache.begin(), principal('u2'), null, now);
    expect(cache.size).toBe(0);
    feed.live(true);
    cache.set('session', 'b', cache.begin(), principal('u2'), null, now);
    expect(cache.get('session', 'b', now)?.user.id).toBe('u2');
  });

  it('keeps sessions and API tokens apart: the same hash as the other kind is a miss', () => {
    const { cache } = setup();
    const token: Principal = { ...principal('u1'), via: 'token', sessionId: null };
    cache.set('token', 'h', cache.begin(), token, null, now);
    expect(cache.get('token', 'h', now)?.via).toBe('token');
    expect(cache.get('session', 'h', now)).toBeUndefined();
    cache.set('session', 'h2', cache.begin(), principal('u2'), null, now);
    expect(cache.get('token', 'h2', now)).toBeUndefined();
    // A principal is only ever stored as its own kind.
    cache.set('session', 'h3', cache.begin(), token, null, now);
    expect(cache.get('session', 'h3', now)).toBeUndefined();
  });
});
