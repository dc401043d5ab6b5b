import { newWebhookSecret, openWebhookSecret, sealWebhookSecret, UnreadableWebhookSecretError } from './webhooks.js';

const SESSION_SECRET = 'a-session-secret-of-at-least-thirty-two-characters';

describe('sealed webhook secrets', () => {
  it('opens to the same secret, and the sealed form does not contain it', () => {
    const secret = newWebhookSecret();
    const sealed = sealWebhookSecret(secret, 'hook-1', SESSION_SECRET);
    expect(sealed.length).toBeLessThanOrEqual(100); // the column's width
    expect(sealed).not.toContain(secret.slice(6, 20));
    expect(openWebhookSecret(sealed, 'hook-1', SESSION_SECRET)).toBe(secret);
  });

  it('refuses another key, another webhook, a tampered value and a plain secret', () => {
    const secret = newWebhookSecret();
    const sealed = sealWebhookSecret(secret, 'hook-1', SESSION_SECRET);
    expect(() => openWebhookSecret(sealed, 'hook-1', `${SESSION_SECRET}-rotated`)).toThrow(
      UnreadableWebhookSecretError,
    );
    expect(() => openWebhookSecret(sealed, 'hook-2', SESSION_SECRET)).toThrow(UnreadableWebhookSecretError);
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('AA') ? 'AB' : 'AA');
    expect(() => openWebhookSecret(tampered, 'hook-1', SESSION_SECRET)).toThrow(UnreadableWebhookSecretError);
    expect(() => openWebhookSecret(secret, 'hook-1', SESSION_SECRET)).toThrow(UnreadableWebhookSecretError);
  });
});
