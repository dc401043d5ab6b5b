import {
  formatMediaTime,
  inheritProvenance,
  mediaLinkAt,
  NO_PROVENANCE,
  parseMediaTime,
  provenanceWarnings,
  type Provenance,
} from './provenance.js';

const doc: Provenance = {
  saidAt: '2022-06-30T00:00:00.000Z',
  venue: 'Press conference, Minsk',
  sourceUrl: 'https://mid.example/remarks',
  mediaUrl: 'https://video.example/remarks.mp4',
  mediaStartSeconds: 60,
  appearedIn: 'Remarks after talks',
};

describe('inheritProvenance', () => {
  it.each<[string, Partial<Provenance>, Partial<Provenance> | null, Partial<Provenance>]>([
    ['nothing of its own: the document’s', {}, doc, doc],
    ['no document, nothing set', {}, null, NO_PROVENANCE],
    ['its own venue, the rest inherited', { venue: 'Studio 4' }, doc, { ...doc, venue: 'Studio 4' }],
    ['its own time in the same recording', { mediaStartSeconds: 754 }, doc, { ...doc, mediaStartSeconds: 754 }],
    [
      'its own recording without a time: not the document’s time',
      { mediaUrl: 'https://tv.example/clip' },
      doc,
      { ...doc, mediaUrl: 'https://tv.example/clip', mediaStartSeconds: null },
    ],
    ['a start time of 0 is a time', { mediaStartSeconds: 0 }, doc, { ...doc, mediaStartSeconds: 0 }],
    ['null own fields inherit', { saidAt: null, appearedIn: null }, doc, doc],
  ])('%s', (_, own, document, expected) => {
    expect(inheritProvenance(own, document)).toEqual({ ...NO_PROVENANCE, ...expected });
  });
});

describe('provenanceWarnings', () => {
  it.each<[string, Partial<Provenance>, number]>([
    ['complete', doc, 0],
    ['no date', { ...doc, saidAt: null }, 1],
    ['a recording is an appearance', { ...doc, sourceUrl: null }, 0],
    ['an original is an appearance', { ...doc, mediaUrl: null }, 0],
    ['neither', { ...doc, sourceUrl: null, mediaUrl: null }, 1],
    ['nothing', NO_PROVENANCE, 2],
  ])('%s', (_, p, count) => {
    expect(provenanceWarnings({ ...NO_PROVENANCE, ...p })).toHaveLength(count);
  });
});

describe('mediaLinkAt', () => {
  it.each<[string, number | null, string | null]>([
    ['https://www.youtube.com/watch?v=abc', 754, 'https://www.youtube.com/watch?v=abc&t=754s'],
    ['https://youtu.be/abc?t=5', 90, 'https://youtu.be/abc?t=90s'],
    ['https://video.example/a.mp4', 754, 'https://video.example/a.mp4#t=754'],
    ['https://video.example/a.mp4#old', 12.9, 'https://video.example/a.mp4#t=12'],
    ['https://video.example/a.mp4', 0, 'https://video.example/a.mp4'],
    ['https://video.example/a.mp4', null, 'https://video.example/a.mp4'],
    ['javascript:alert(1)', 5, null],
    ['not a url', 5, null],
  ])('%s at %s', (url, s, expected) => {
    expect(mediaLinkAt(url, s)).toBe(expected);
  });
});

describe('media times', () => {
  it.each<[number, string]>([
    [0, '0:00'],
    [754, '12:34'],
    [3754, '1:02:34'],
  ])('%s seconds reads %s', (s, text) => {
    expect(formatMediaTime(s)).toBe(text);
    expect(parseMediaTime(text)).toBe(s);
  });
  it.each(['', '12:', '1:2:3', '12:60', '-5', 'abc'])('%j is not a time', (t) => {
    expect(parseMediaTime(t)).toBeNull();
  });
  it('plain seconds are a time', () => expect(parseMediaTime(' 754 ')).toBe(754));
});
