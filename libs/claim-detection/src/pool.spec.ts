import { readFileSync } from 'node:fs';
import { detectClaims } from './detect.js';
import { ClaimDetectorPool } from './pool.js';

const sample = (name: string) => readFileSync(new URL(`../../../fixtures/${name}`, import.meta.url), 'utf8');

describe('ClaimDetectorPool', () => {
  let pool: ClaimDetectorPool;
  beforeAll(() => {
    pool = new ClaimDetectorPool(2);
    pool.warm();
  });
  afterAll(() => pool.close());

  it('finds what detectClaims finds, for several documents at once', async () => {
    const text = sample('lavrov-minsk-2022-06-30.txt');
    const options = { threshold: 0.4, outlet: 'Example Ministry', defaultSpeaker: 'Sergey Lavrov' };
    const short = 'Minister Ivanov said wheat exports grew by 40 percent in 2021.';
    const results = await Promise.all([pool.detect(text, options), pool.detect(short), pool.detect(text, options)]);
    expect(results).toEqual([
      await detectClaims(text, options),
      await detectClaims(short),
      await detectClaims(text, options),
    ]);
  }, 60_000);

  it('keeps the event loop free while it detects', async () => {
    const text = sample('lavrov-minsk-2022-06-30.txt').repeat(5);
    await pool.detect('Warm-up.');
    let last = performance.now();
    let longest = 0;
    const tick = setInterval(() => {
      longest = Math.max(longest, performance.now() - last);
      last = performance.now();
    }, 10);
    const started = performance.now();
    await Promise.all([pool.detect(text), pool.detect(text)]);
    const took = performance.now() - started;
    clearInterval(tick);
    // On the event loop, detection would have held it for the whole time.
    expect(longest).toBeLessThan(Math.max(250, took / 4));
  }, 60_000);

  it('refuses work once closed', async () => {
    const closed = new ClaimDetectorPool(1);
    await closed.close();
    await expect(closed.detect('Anything.')).rejects.toThrow(/closed/);
  });
});
