import { describe, expect, it } from 'vitest';
import { selectionIn, speakerAt } from './selection';

describe('selectionIn: a selection as offsets into the document', () => {
  const text = 'SANDERS: We spend more. MUIR: Thank you, Senator.';
  const root = document.createElement('div');
  // As the document page renders it: plain text and marked claims, in order.
  root.innerHTML = 'SANDERS: <mark>We spend more.</mark> MUIR: Thank you, Senator.';
  document.body.append(root);

  it('counts across marks, and trims blanks the selection took along', () => {
    const range = document.createRange();
    range.setStart(root.childNodes[0]!, 8); // the space before "We"
    range.setEnd(root.childNodes[1]!.firstChild!, 14);
    expect(selectionIn(root, range)).toEqual({ text: 'We spend more.', start: 9, end: 23 });
    expect(text.slice(9, 23)).toBe('We spend more.');
  });

  it('answers null outside the document or for blanks alone', () => {
    const outside = document.createElement('p');
    outside.textContent = 'elsewhere';
    document.body.append(outside);
    const range = document.createRange();
    range.selectNodeContents(outside);
    expect(selectionIn(root, range)).toBeNull();
    const blank = document.createRange();
    blank.setStart(root.childNodes[2]!, 0);
    blank.setEnd(root.childNodes[2]!, 1);
    expect(selectionIn(root, blank)).toBeNull();
  });
});

describe('speakerAt', () => {
  const sanders = { id: 's', name: 'Bernie Sanders' };
  const muir = { id: 'm', name: 'David Muir' };
  const claims = [
    { start: 30, speaker: muir },
    { start: 9, speaker: sanders },
  ];
  it.each([
    [0, null],
    [9, sanders],
    [20, sanders],
    [30, muir],
    [99, muir],
  ])('at %i', (offset, speaker) => {
    expect(speakerAt(claims, offset)).toEqual(speaker);
  });
});
