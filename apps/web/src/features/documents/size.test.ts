import { describe, expect, it } from 'vitest';
import { sizeProblem, utf8Bytes } from './size';

describe('utf8Bytes', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['é', 2],
    ['€', 3],
    ['😀', 4],
    ['a€😀', 8],
  ])('%j is %i bytes', (text, bytes) => {
    expect(utf8Bytes(text)).toBe(bytes);
    expect(utf8Bytes(text)).toBe(new TextEncoder().encode(text).length);
  });
});

describe('sizeProblem', () => {
  const max = 10 * 1024 * 1024;
  it.each<[number, number | undefined, string | null]>([
    [max, max, null],
    [max + 1, undefined, null],
    [
      11 * 1024 * 1024,
      max,
      'This text is 11.0 MB; a document can be at most 10.0 MB. Split it, or upload the original file.',
    ],
  ])('%i bytes against %s', (bytes, limit, problem) => {
    expect(sizeProblem(bytes, limit, 'text')).toBe(problem);
  });
});
