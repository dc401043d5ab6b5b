import { splitSentences } from './split.js';

const split = (t: string) => splitSentences(t).map(([s, e]) => t.slice(s, e));

describe('splitSentences', () => {
  it('does not split after abbreviations, initials or numbered references', () => {
    expect(split('Mr. Smith met Dr. J. F. Kennedy in St. Louis. Then he left.')).toEqual([
      'Mr. Smith met Dr. J. F. Kennedy in St. Louis.',
      'Then he left.',
    ]);
    expect(split('See Special Dispatch No. 6998 for details. It was published in July.')).toEqual([
      'See Special Dispatch No. 6998 for details.',
      'It was published in July.',
    ]);
  });

  it('treats U.S. as an abbreviation unless a typical sentence opener follows', () => {
    expect(split('When U.S. Secretary of State Rex Tillerson was in Moscow, we met.')).toHaveLength(1);
    expect(split('It was made in the U.S. The price doubled.')).toEqual([
      'It was made in the U.S.',
      'The price doubled.',
    ]);
    expect(split('Troops from the U.S., Germany and Great Britain arrived.')).toHaveLength(1);
  });

  it('keeps decimals, dashes and mid-sentence ellipses inside the sentence', () => {
    expect(split('Growth was 3.5 percent – the highest in 1999 … and rising. Prices fell.')).toEqual([
      'Growth was 3.5 percent – the highest in 1999 … and rising.',
      'Prices fell.',
    ]);
  });

  it('splits after an ellipsis followed by a capital, and after ?! runs', () => {
    expect(split('We waited... Nothing happened?! Really.')).toEqual(['We waited...', 'Nothing happened?!', 'Really.']);
  });

  it('keeps closing quotes with their sentence and does not split before a lower-case continuation', () => {
    expect(split('He said: "We never asked." She disagreed.')).toEqual([
      'He said: "We never asked."',
      'She disagreed.',
    ]);
    expect(split('"Is it true?" she asked. Yes.')).toEqual(['"Is it true?" she asked.', 'Yes.']);
  });

  it('strips an unbalanced leading quote or ellipsis but keeps balanced inner quotes', () => {
    expect(split('"…This year, the EU lifted its sanctions. It was a "false choice".')).toEqual([
      'This year, the EU lifted its sanctions.',
      'It was a "false choice".',
    ]);
  });

  it('returns offsets into the original text for a sub-range', () => {
    const t = 'xx First one. Second one. yy';
    const spans = splitSentences(t, 3, 25);
    expect(spans.map(([s, e]) => t.slice(s, e))).toEqual(['First one.', 'Second one.']);
    expect(spans[0][0]).toBe(3);
  });

  it('handles "etc." as a sentence end before a capitalised opener', () => {
    expect(split('An armed UN mission, etc. And yet, nothing changed.')).toHaveLength(2);
    expect(split('Apples, pears, etc. are fruit.')).toHaveLength(1);
  });
});
