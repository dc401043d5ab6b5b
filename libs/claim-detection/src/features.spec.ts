import { analyse } from './nlp.js';
import { findEntities } from './entities.js';
import { DIM, extractGrouped, normaliseForChars, structural, DEFAULT_FEATURES } from './features.js';

const charsOnly = { ...DEFAULT_FEATURES, gChar: 1, gWord: 0, gPos: 0, gStruct: 0 };

/** Reference implementation of the character n-gram group over the normalised string. */
function reference(text: string): Map<number, number> {
  const s = normaliseForChars(text);
  const counts = new Map<number, number>();
  for (let i = 0; i < s.length; i++) {
    let h = 0x811c9dc5;
    for (let k = 0; k < Math.min(5, s.length - i); k++) {
      h = Math.imul(h ^ s.charCodeAt(i + k), 16777619);
      if (k >= 1) {
        let x = h ^ (h >>> 15);
        x = Math.imul(x, 0x2c1b3c6d);
        const idx = (x ^ (x >>> 12)) & (DIM - 1);
        counts.set(idx, (counts.get(idx) ?? 0) + 1);
      }
    }
  }
  return counts;
}

describe('features', () => {
  it.each([
    'We’re consuming 50 percent of the world’s cocaine…  “Really” — `yes`.',
    '  The U.S.   spent $3.5 billion in 1999.\n',
    'Ünïcode Straße and ÉCOLE',
  ])('fast character n-grams match the reference normalisation: %s', (text) => {
    const a = analyse(text);
    const g = extractGrouped(a, findEntities(a), charsOnly);
    const ref = reference(text);
    expect(g.char.idx.length).toBe(ref.size);
    let norm = 0;
    for (const c of ref.values()) norm += (1 + Math.log(c)) ** 2;
    for (let i = 0; i < g.char.idx.length; i++) {
      const c = ref.get(g.char.idx[i]);
      expect(c).toBeDefined();
      expect(g.char.val[i]).toBeCloseTo((1 + Math.log(c!)) / Math.sqrt(norm), 5);
    }
  });

  it('names readable structural features', () => {
    const a = analyse('I think unemployment fell to 4.7 percent in 2016, more than in Ohio?');
    const names = structural(a, findEntities(a)).map(([n]) => n);
    expect(names).toEqual(
      expect.arrayContaining([
        'number',
        'year',
        'hedged_opinion',
        'comparative',
        'than',
        'question',
        'entity_place',
        'wink_percent',
      ]),
    );
  });
});
