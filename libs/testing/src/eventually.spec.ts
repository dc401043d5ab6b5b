import { eventually } from './eventually.js';

describe('eventually', () => {
  it('returns what fn returned once it stops returning false or null', async () => {
    let calls = 0;
    expect(await eventually(() => (++calls < 3 ? null : `after ${calls}`), { interval: 1 })).toBe('after 3');
    calls = 0;
    expect(await eventually(async () => ++calls >= 2, { interval: 1 })).toBe(true);
  });

  it('retries an assertion until it passes; undefined counts as done', async () => {
    let value = 0;
    await expect(
      eventually(
        () => {
          value += 1;
          expect(value).toBe(3);
        },
        { interval: 1 },
      ),
    ).resolves.toBeUndefined();
    expect(value).toBe(3);
  });

  it('fails after the timeout, naming what it waited for and the last failure', async () => {
    await expect(
      eventually(
        () => {
          throw new Error('still 2 rows');
        },
        { timeout: 30, interval: 5, message: 'three rows' },
      ),
    ).rejects.toThrow(/^three rows: still not met after 30 ms \(last: still 2 rows\)$/);
    await expect(
      eventually(() => null, { timeout: 20, interval: 5, message: (last) => `got ${last}` }),
    ).rejects.toThrow(/^got null: still not met/);
  });
});
