import { contrast, inkOn, safeColour } from './colour.js';

describe('rating label colours', () => {
  it.each([
    ['#cf222e', '#fff'],
    ['#1a7f37', '#fff'],
    ['#82071e', '#fff'],
    ['#bf8700', '#000'],
    ['#4c9a2a', '#000'],
    ['#ffffff', '#000'],
  ])('text on %s is %s, at least 4.5:1', (bg, ink) => {
    expect(inkOn(bg)).toBe(ink);
    expect(contrast(bg, ink === '#fff' ? '#ffffff' : ink)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(['red', '#fff', 'url(javascript:x)', '#12345g'])('puts only #rrggbb in a style: %s → grey', (c) => {
    expect(safeColour(c)).toBe('#57606a');
  });
});
