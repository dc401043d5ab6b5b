import { askingRoles, averagePrecision, type TranscriptLine } from './ranking.js';

describe('averagePrecision', () => {
  it.each<[string, number[], number[], number]>([
    ['relevant first', [0.9, 0.5, 0.1], [1, 0, 0], 1],
    ['relevant last', [0.9, 0.5, 0.1], [0, 0, 1], 1 / 3],
    ['two relevant at ranks 1 and 3', [0.9, 0.5, 0.1], [1, 0, 1], (1 + 2 / 3) / 2],
    ['ties keep transcript order', [0.5, 0.5], [0, 1], 0.5],
    ['nothing relevant', [0.2, 0.1], [0, 0], 0],
  ])('%s', (_, scores, labels, expected) => {
    expect(averagePrecision(scores, labels)).toBeCloseTo(expected, 10);
  });
});

describe('askingRoles', () => {
  const line = (speaker: string, text: string): TranscriptLine => ({ speaker, text, label: 0, debate: 'd' });
  it('finds questioners by label and moderators by how often they ask', () => {
    const roles = askingRoles([
      line('HOLT', 'Good evening.'),
      line('HOLT', 'What is your plan?'),
      line('HOLT', 'Secretary Clinton, two minutes.'),
      line('CLINTON', 'We created 15 million jobs.'),
      line('CLINTON', 'Why not?'),
      line('CLINTON', 'That is the record.'),
      line('CLINTON', 'It is in the plan.'),
      line('CLINTON', 'Thank you.'),
      line('CLINTON', 'We did it.'),
      line('CLINTON', 'And more.'),
      line('QUESTION', 'Mr. President, thank you.'),
    ]);
    expect([...roles.entries()].sort()).toEqual([
      ['HOLT', 'moderator'],
      ['QUESTION', 'questioner'],
    ]);
  });
});
