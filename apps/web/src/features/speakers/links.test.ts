import { describe, expect, it } from 'vitest';
import { linkLabel, parseLinks } from './links';

describe('sameAs links typed one a line', () => {
  it('keeps http(s) addresses once, and names the rest as invalid', () => {
    expect(
      parseLinks(
        ' https://www.wikidata.org/wiki/Q1386164\n\nhttps://en.wikipedia.org/wiki/John_Kasich\njavascript:alert(1)\nkasich.com\nhttps://www.wikidata.org/wiki/Q1386164',
      ),
    ).toEqual({
      links: ['https://www.wikidata.org/wiki/Q1386164', 'https://en.wikipedia.org/wiki/John_Kasich'],
      invalid: ['javascript:alert(1)', 'kasich.com'],
    });
  });
  it.each([
    ['https://www.wikidata.org/wiki/Q1', 'Wikidata'],
    ['https://de.wikipedia.org/wiki/X', 'Wikipedia'],
    ['https://www.kasich.com/about', 'kasich.com'],
  ])('%s is shown as %s', (url, label) => {
    expect(linkLabel(url)).toBe(label);
  });
});
