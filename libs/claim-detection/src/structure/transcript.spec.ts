import {
  directionRanges,
  displayCase,
  headerList,
  parseTurnLabel,
  qualifierRole,
  withoutDirections,
} from './transcript.js';

describe('parseTurnLabel: the label family', () => {
  it.each([
    ["O'MALLEY: Senator Sanders voted against the Brady Bill.", "O'MALLEY", ''],
    ["O'Rourke: We will do it.", "O'Rourke", ''],
    ['McCAIN: My friends, thank you.', 'McCAIN', ''],
    ['MacARTHUR: I shall return.', 'MacARTHUR', ''],
    ['OCASIO-CORTEZ: The tax rate was 70 percent.', 'OCASIO-CORTEZ', ''],
    ['DeSANTIS: Florida is free.', 'DeSANTIS', ''],
    ['SEN. SANDERS: That is wrong.', 'SEN. SANDERS', ''],
    ['MR. SCHWAB: Mr. President, welcome.', 'MR. SCHWAB', ''],
    ['THE PRESIDENT: Thank you very much.', 'THE PRESIDENT', ''],
    ['GOV. KASICH: We balanced the budget.', 'GOV. KASICH', ''],
    ['LESLEY STAHL: You said that.', 'LESLEY STAHL', ''],
    ['Lesley Stahl: You said that.', 'Lesley Stahl', ''],
    ['KASICH: We created 400,000 jobs.', 'KASICH', ''],
    ['Beto O’Rourke: We will do it.', 'Beto O’Rourke', ''],
    ['JOSÉ DÍAZ-BALART: Buenas noches.', 'JOSÉ DÍAZ-BALART', ''],
    [
      'SEN. BERNIE SANDERS (D-VT), PRESIDENTIAL CANDIDATE: Well, I have known her.',
      'SEN. BERNIE SANDERS',
      '(D-VT), PRESIDENTIAL CANDIDATE',
    ],
    ['LESTER HOLT, MODERATOR: Good evening.', 'LESTER HOLT', ', MODERATOR'],
    ['**Joe Biden:** We will.', 'Joe Biden', ''],
    ['Q: Is that true?', 'Q', ''],
    ['QUESTION: Mr. President?', 'QUESTION', ''],
    ['REPORTER: Did you?', 'REPORTER', ''],
    ['Speaker 1: Hello.', 'Speaker 1', ''],
  ])('%s', (line, name, qualifier) => {
    const l = parseTurnLabel(line);
    expect(l).toMatchObject({ name, qualifier });
    expect(line.slice(l!.length)).not.toMatch(/^\s/);
    expect(line.slice(0, l!.length)).toMatch(/:\S*\s*$/);
  });

  it.each([
    ['(APPLAUSE) CLINTON: Thank you.', 'CLINTON', 'Thank you.'],
    ['[00:12:34] TRUMP: It is true.', 'TRUMP', 'It is true.'],
    ['12:34:56 RUBIO: It is true.', 'RUBIO', 'It is true.'],
    ['(CROSSTALK) (LAUGHTER) CRUZ: No.', 'CRUZ', 'No.'],
  ])('skips stage directions and timestamps before a label: %s', (line, name, rest) => {
    const l = parseTurnLabel(line)!;
    expect(l.name).toBe(name);
    expect(line.slice(l.length)).toBe(rest);
  });

  it('reads a label on its own line and an Otter-style timed label', () => {
    expect(parseTurnLabel('TRUMP:')).toMatchObject({ name: 'TRUMP' });
    expect(parseTurnLabel('Lesley Stahl  00:12')).toMatchObject({ name: 'Lesley Stahl' });
  });

  it.each([
    'Note: this transcript was edited.',
    'The bottom line: we need more.',
    'However, the point is: we win.',
    'Update: the figures changed.',
    'MODERATORS: Lester Holt',
    'In 2015: a year of growth.',
    'we said: no.',
  ])('is not a label: %s', (line) => {
    expect(parseTurnLabel(line)).toBeNull();
  });
});

describe('stage directions and timestamps', () => {
  it.each([
    ['(APPLAUSE)', ['(APPLAUSE)']],
    ['(CROSSTALK)', ['(CROSSTALK)']],
    ['[LAUGHTER]', ['[LAUGHTER]']],
    ['(COMMERCIAL BREAK)', ['(COMMERCIAL BREAK)']],
    ['(inaudible)', ['(inaudible)']],
    ['(Off mic.)', ['(Off mic.)']],
    ['(BELL RINGS)', ['(BELL RINGS)']],
    ['(CHANTING)', ['(CHANTING)']],
    ['(GROANS)', ['(GROANS)']],
    ['[00:12:34]', ['[00:12:34]']],
    ['(01:23)', ['(01:23)']],
    ['12:34:56', ['12:34:56']],
    ['the home — (APPLAUSE) — of country music', ['(APPLAUSE)']],
    ['We won. (APPLAUSE) (CHEERING) We will win again.', ['(APPLAUSE) (CHEERING)']],
    ['Did you fire him because (inaudible)', ['(inaudible)']],
  ])('%s', (text, found) => {
    expect(directionRanges(text).map(([a, b]) => text.slice(a, b))).toEqual(found);
  });

  it.each([
    'Senator Sanders (D-VT) voted for it.',
    'The bill (H.R. 1) passed.',
    'We met at 12:30 in the afternoon.',
    'He said (and I agree) that it was wrong.',
    'It was [sic] true.',
    'the agency (EPA) said so',
    'the North American Free Trade Agreement (NAFTA) cost jobs',
    'people living with HIV (AIDS) need care',
  ])('leaves prose alone: %s', (text) => {
    expect(directionRanges(text)).toEqual([]);
  });

  it('gives the text around directions', () => {
    const t = 'We won. (APPLAUSE) We will win again.';
    expect(withoutDirections(t, 0, t.length).map(([a, b]) => t.slice(a, b).trim())).toEqual([
      'We won.',
      'We will win again.',
    ]);
    expect(withoutDirections('(APPLAUSE) [00:01:02]', 0, 21)).toEqual([]);
  });
});

describe('displayCase', () => {
  it.each([
    ["O'MALLEY", "O'Malley"],
    ['KASICH', 'Kasich'],
    ['McCAIN', 'McCain'],
    ['MCCAIN', 'McCain'],
    ['MacARTHUR', 'MacArthur'],
    ['OCASIO-CORTEZ', 'Ocasio-Cortez'],
    ['DeSANTIS', 'DeSantis'],
    ['LESLEY STAHL', 'Lesley Stahl'],
    ['SEN. SANDERS', 'Sen. Sanders'],
    ['CHARLES DE GAULLE', 'Charles de Gaulle'],
    ["D'ANGELO", "D'Angelo"],
    ['Kasich', 'Kasich'],
  ])('%s → %s', (label, name) => {
    expect(displayCase(label)).toBe(name);
  });
});

describe('header lists and qualifiers', () => {
  it.each([
    ['MODERATORS: Lester Holt, NBC News', 'moderator', ['Lester Holt']],
    [
      'PARTICIPANTS: Former Secretary of State Hillary Clinton (D) and Businessman Donald Trump (R)',
      'participant',
      ['Former Secretary of State Hillary Clinton', 'Businessman Donald Trump'],
    ],
    ['Panelists: Dana Bash; Errol Louis', 'questioner', ['Dana Bash', 'Errol Louis']],
    ['MODERATOR: Chris Wallace (Fox News)', 'moderator', ['Chris Wallace']],
  ])('%s', (line, role, names) => {
    const list = headerList(line)!;
    expect(list.role).toBe(role);
    expect(list.names).toEqual(expect.arrayContaining(names));
  });

  it('does not take a moderator turn for a list', () => {
    expect(headerList('MODERATOR: Good evening and welcome to the debate.')).toBeNull();
  });

  it.each([
    [', MODERATOR', 'moderator'],
    [', CNN ANCHOR', 'interviewer'],
    ['(D-VT), PRESIDENTIAL CANDIDATE', null],
  ])('qualifier %s → %s', (q, role) => {
    expect(qualifierRole(q)).toBe(role);
  });
});
