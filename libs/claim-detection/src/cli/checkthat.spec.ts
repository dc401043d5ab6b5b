import { detectClaims } from '../detect.js';
import { rebuild, score, type Line } from './checkthat.js';

// A short excerpt in the CheckThat! 2019 shape: one line per sentence, SYSTEM for stage directions.
const line = (n: number, speaker: string, text: string): Line => ({ id: `d:${n}`, debate: 'd', speaker, text });
const LINES: Line[] = [
  line(1, 'HOLT', 'Good evening.'),
  line(2, 'HOLT', 'Secretary Clinton, two minutes?'),
  line(3, 'SYSTEM', '(APPLAUSE)'),
  line(4, 'CLINTON', 'We created 23 million jobs.'),
  line(5, 'SYSTEM', '(APPLAUSE)'),
  line(6, 'CLINTON', 'And we balanced the budget.'),
  line(7, '(APPLAUSE) TRUMP', 'Wrong.'),
  line(8, 'SEN. BERNIE SANDERS (D-VT), PRESIDENTIAL CANDIDATE', 'I disagree.'),
];

describe('CheckThat! transcripts rebuilt as SPEAKER: text', () => {
  it.each([false, true])(
    'joins a speaker’s lines into one turn, directions within and between turns (blank %s)',
    (blank) => {
      const { text, placed } = rebuild(LINES, blank);
      const sep = blank ? '\n\n' : '\n';
      expect(text).toBe(
        [
          'HOLT: Good evening. Secretary Clinton, two minutes?',
          '(APPLAUSE)',
          'CLINTON: We created 23 million jobs. (APPLAUSE) And we balanced the budget.',
          '(APPLAUSE) TRUMP: Wrong.',
          'SEN. BERNIE SANDERS (D-VT), PRESIDENTIAL CANDIDATE: I disagree.',
        ].join(sep),
      );
      expect(placed.map((p) => text.slice(p.start, p.end))).toEqual(LINES.map((l) => l.text));
      expect(placed.map((p) => p.gold)).toEqual([
        'HOLT',
        'HOLT',
        null,
        'CLINTON',
        null,
        'CLINTON',
        'TRUMP',
        'SEN. BERNIE SANDERS',
      ]);
    },
  );

  it('labels the speaker again after an interruption printed inside a line', async () => {
    const ls = [line(1, 'BLITZER', "What's the problem... SANDERS: Yes."), line(2, 'BLITZER', 'Why wait?')];
    const { text, placed } = rebuild(ls, false);
    expect(text).toBe("BLITZER: What's the problem... SANDERS: Yes.\nBLITZER: Why wait?");
    expect(score(text, placed, await detectClaims(text), ['BLITZER', 'SANDERS'])).toMatchObject({ lines: 2, right: 2 });
  });

  it('scores every line right and finds no leaks', async () => {
    const { text, placed } = rebuild(LINES, false, 'timed');
    const s = score(text, placed, await detectClaims(text), ['HOLT', 'CLINTON', 'TRUMP']);
    expect(s).toMatchObject({ lines: 6, right: 6, leaks: [] });
  });

  it('counts a wrong speaker and a label left in sentence text', async () => {
    // CLINTON never opens a line here, so nothing tells the detector it is a label.
    const text = 'HOLT: Good evening. CLINTON: We created jobs.';
    const placed = [
      { start: 6, end: 19, gold: 'HOLT', direction: false },
      { start: 29, end: 45, gold: 'CLINTON', direction: false },
    ];
    const s = score(text, placed, await detectClaims(text), ['HOLT', 'CLINTON']);
    expect(s).toMatchObject({ lines: 2, right: 1, leaks: ['CLINTON: We created jobs.'] });
  });
});
