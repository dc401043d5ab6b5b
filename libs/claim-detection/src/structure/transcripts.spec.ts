import { detectClaims } from '../detect.js';
import type { DetectionResult } from '../types.js';

const lines = (...ls: string[]) => ls.join('\n');
const saidBy = (r: DetectionResult, start: string) => r.sentences.find((s) => s.text.startsWith(start))?.speaker;
const speaker = (r: DetectionResult, name: string) => r.speakers.find((s) => s.name === name);
const STAGE = /\((APPLAUSE|CROSSTALK|LAUGHTER|COMMERCIAL BREAK|inaudible)\)|\[LAUGHTER\]|\d\d:\d\d/;

// A primary-debate excerpt in the shape of the ABC transcript that lost O'Malley's lines to the moderators.
const DEBATE = lines(
  "MUIR: Good evening. Tonight, former Maryland Governor Martin O'Malley, Senator Bernie Sanders and Secretary Hillary Clinton are on the stage.",
  '(APPLAUSE)',
  "MUIR: Governor O'Malley, you said guns would be the issue. What would you do?",
  "O'MALLEY: Senator Sanders voted against the Brady Bill. (APPLAUSE) He voted five times against it, and that matters to the families in Baltimore who lost children to gun violence.",
  '(CROSSTALK)',
  "O'MALLEY: And I passed the toughest gun safety law in the country in 2013 as governor of Maryland.",
  'SANDERS: That is not right. I have a D-minus voting record from the NRA, and I have supported background checks since 1993, when it was not popular to do so.',
  'RADDATZ: Secretary Clinton, your response?',
  'CLINTON: We passed the Brady Bill in 1993 and it has stopped more than two million prohibited purchases since then, which is why I support it.',
  '[LAUGHTER]',
  'RADDATZ: Senator Sanders, is that fair?',
  'SANDERS: It is fair to say that I represent a rural state, and that the views of people in Vermont are different from the views of people in Chicago or Los Angeles on this subject.',
  '(COMMERCIAL BREAK)',
  'MUIR: Welcome back. Governor, thirty seconds?',
  "O'MALLEY: We cut violent crime by 30 percent in Baltimore, and we did it by getting illegal guns off the streets (inaudible) with the help of the police.",
  'RADDATZ: Thank you. Senator?',
  'SANDERS: Thank you.',
);

describe('a debate transcript', () => {
  let r: DetectionResult;
  beforeAll(async () => {
    r = await detectClaims(DEBATE);
  });

  it("attributes O'Malley's lines to O'Malley, under the full name the moderator gave", () => {
    expect(saidBy(r, 'Senator Sanders voted against the Brady Bill.')).toBe("Martin O'Malley");
    expect(saidBy(r, 'He voted five times against it')).toBe("Martin O'Malley");
    expect(saidBy(r, 'And I passed the toughest')).toBe("Martin O'Malley");
    expect(speaker(r, "Martin O'Malley")).toMatchObject({ kind: 'person', role: 'participant' });
    expect(speaker(r, "Martin O'Malley")!.aliases).toContain("O'MALLEY");
  });

  it('never puts a label or a stage direction in sentence text', () => {
    for (const s of r.sentences) {
      expect(s.text).not.toMatch(/^[A-Z'’.-]+:|\b(MUIR|RADDATZ|SANDERS|CLINTON|O'MALLEY):/);
      expect(s.text).not.toMatch(STAGE);
      expect(DEBATE.slice(s.start, s.end)).toBe(s.text);
    }
    expect(r.sentences.some((s) => s.text.startsWith('with the help of the police'))).toBe(true);
  });

  it('finds the moderators from who asks, the candidates as participants', () => {
    expect(Object.fromEntries(r.speakers.map((s) => [s.name, s.role]))).toEqual({
      Muir: 'moderator',
      "Martin O'Malley": 'participant',
      'Bernie Sanders': 'participant',
      Raddatz: 'moderator',
      'Hillary Clinton': 'participant',
    });
    expect(r.speakers.every((s) => s.kind === 'person')).toBe(true);
  });

  it("marks the moderators' turns as questions", () => {
    const roles = (name: string) => [...new Set(r.sentences.filter((s) => s.speaker === name).map((s) => s.role))];
    expect(roles('Muir')).toEqual(['question']);
    expect(roles("Martin O'Malley")).toEqual(['statement']);
  });
});

describe('labels and turns', () => {
  it.each([
    ['KASICH: We balanced the budget.', 'Kasich'],
    ['McCAIN: We balanced the budget.', 'McCain'],
    ['OCASIO-CORTEZ: We balanced the budget.', 'Ocasio-Cortez'],
    ['SEN. SANDERS: We balanced the budget.', 'Sanders'],
    ['GOV. KASICH: We balanced the budget.', 'Kasich'],
    ['MR. SCHWAB: We balanced the budget.', 'Schwab'],
    ['LESLEY STAHL: We balanced the budget.', 'Lesley Stahl'],
    ["Beto O'Rourke: We balanced the budget.", "Beto O'Rourke"],
    ['THE PRESIDENT: We balanced the budget.', 'The President'],
    ['[00:12:34] RUBIO: We balanced the budget.', 'Rubio'],
    ['(APPLAUSE) CRUZ: We balanced the budget.', 'Cruz'],
  ])('%s → a person named %s', async (text, name) => {
    const r = await detectClaims(text);
    expect(r.sentences.map((s) => [s.text, s.speaker])).toEqual([['We balanced the budget.', name]]);
    expect(r.speakers).toEqual([expect.objectContaining({ name, kind: 'person' })]);
  });

  it.each([
    ['QUESTION', 'Interviewer'],
    ['Q', 'Interviewer'],
    ['REPORTER', 'Interviewer'],
    ['AUDIENCE MEMBER', 'Audience member'],
    ['AUDIENCE MEMBERS', 'Audience member'],
    ['AUDIENCE', 'Audience member'],
  ])('%s: turns are questions by a questioner, not a person named after the label', async (lab, name) => {
    const r = await detectClaims(
      lines(`${lab}: Why did you do it?`, 'TRUMP: Because it works, and it created 4 million jobs.'),
    );
    expect(r.sentences.map((s) => [s.speaker, s.role])).toEqual([
      [name, 'question'],
      ['Trump', 'statement'],
    ]);
    expect(r.speakers).toEqual([
      expect.objectContaining({ name, role: 'questioner' }),
      expect.objectContaining({ name: 'Trump', role: 'participant' }),
    ]);
  });

  it('keeps a turn going across stage directions and timestamps on their own lines', async () => {
    const text = lines(
      'TRUMP: We will build it.',
      '(APPLAUSE)',
      '00:14:02',
      '[LAUGHTER]',
      'And Mexico will pay for it.',
    );
    const r = await detectClaims(text);
    expect(r.sentences.map((s) => [s.text, s.speaker])).toEqual([
      ['We will build it.', 'Trump'],
      ['And Mexico will pay for it.', 'Trump'],
    ]);
  });

  it('keeps unfinished paragraphs of a turn with its speaker', async () => {
    const r = await detectClaims(
      lines(
        'TRUMP: We will win.',
        '',
        'And we will win so big --',
        '',
        '(APPLAUSE)',
        '',
        'believe me, you will be tired',
        '',
        'CLINTON: No.',
      ),
    );
    expect(r.sentences.map((s) => [s.text, s.speaker, s.role])).toEqual([
      ['We will win.', 'Trump', 'statement'],
      ['And we will win so big --', 'Trump', 'statement'],
      ['believe me, you will be tired', 'Trump', 'statement'],
      ['No.', 'Clinton', 'statement'],
    ]);
  });

  it('takes a short unfinished turn for a turn, not a heading', async () => {
    const r = await detectClaims(
      lines('CLINTON: You are wrong.', 'TRUMP: Wrong', '', 'It was 35 percent.', 'CLINTON: No.'),
    );
    expect(r.sentences.map((s) => [s.text, s.speaker, s.role])).toEqual([
      ['You are wrong.', 'Clinton', 'statement'],
      ['Wrong', 'Trump', 'statement'],
      ['It was 35 percent.', 'Trump', 'statement'],
      ['No.', 'Clinton', 'statement'],
    ]);
  });

  it('reads a label alone on its line and a timed label', async () => {
    const r = await detectClaims(
      lines('LESLEY STAHL:', 'Did you say that?', '', 'Donald Trump  00:00:15', 'I never said that.'),
    );
    expect(r.sentences.map((s) => s.speaker)).toEqual(['Lesley Stahl', 'Donald Trump']);
  });

  it('reads Rev-style labels with a timestamp and unnamed speakers', async () => {
    const r = await detectClaims(
      lines(
        'Chris Wallace: (00:01)',
        'Good evening from Las Vegas.',
        '',
        'Speaker 1: (01:02)',
        'We created 4 million jobs.',
        '',
        '[00:02:03] Chris Wallace:',
        'And you?',
      ),
    );
    expect(r.sentences.map((s) => [s.text, s.speaker])).toEqual([
      ['Good evening from Las Vegas.', 'Chris Wallace'],
      ['We created 4 million jobs.', 'Speaker 1'],
      ['And you?', 'Chris Wallace'],
    ]);
  });

  it('splits an interruption printed inside a turn', async () => {
    const r = await detectClaims(lines('BLITZER: What is the problem... SANDERS: Yes.', 'SANDERS: Well, no.'));
    expect(r.sentences.map((s) => [s.text, s.speaker])).toEqual([
      ['What is the problem...', 'Blitzer'],
      ['Yes.', 'Sanders'],
      ['Well, no.', 'Sanders'],
    ]);
  });
});

describe('roles and names from the header', () => {
  it('reads MODERATORS and PARTICIPANTS lists, which are not sentences', async () => {
    const text = lines(
      'Presidential Debate at Hofstra University',
      'September 26, 2016',
      'PARTICIPANTS: Former Secretary of State Hillary Clinton (D) and Businessman Donald Trump (R)',
      'MODERATOR: Lester Holt (NBC News)',
      '',
      'HOLT: Good evening. The first question is about jobs?',
      'CLINTON: We created 23 million jobs in the 1990s.',
      'TRUMP: Our jobs are fleeing the country.',
    );
    const r = await detectClaims(text);
    expect(r.metadata).toMatchObject({ date: '2016-09-26', title: 'Presidential Debate at Hofstra University' });
    expect(r.sentences.map((s) => s.speaker)).toEqual([
      'Lester Holt',
      'Lester Holt',
      'Hillary Clinton',
      'Donald Trump',
    ]);
    expect(Object.fromEntries(r.speakers.map((s) => [s.name, s.role]))).toEqual({
      'Lester Holt': 'moderator',
      'Hillary Clinton': 'participant',
      'Donald Trump': 'participant',
    });
  });

  it('matches a one-word label to the full name earlier text gives', async () => {
    const text = lines(
      'BLITZER: Joining us tonight, Ohio Gov. John Kasich and Senator Marco Rubio of Florida.',
      'KASICH: We created 400,000 jobs in Ohio.',
      'RUBIO: I disagree.',
    );
    const r = await detectClaims(text);
    expect(r.speakers.map((s) => [s.name, s.kind])).toEqual([
      ['Blitzer', 'person'],
      ['John Kasich', 'person'],
      ['Marco Rubio', 'person'],
    ]);
    expect(speaker(r, 'John Kasich')!.aliases).toEqual(expect.arrayContaining(['KASICH', 'Kasich']));
  });

  it("names THE PRESIDENT from the title; reporters' questions go to a questioner", async () => {
    const text = lines(
      'Remarks by President Trump in Press Conference',
      'September 26, 2018',
      '',
      'THE PRESIDENT: Thank you very much. We have made tremendous progress with North Korea.',
      'Q: Mr. President, what did you mean?',
      'THE PRESIDENT: I meant what I said.',
      'QUESTION: And on trade?',
      'THE PRESIDENT: We are doing very well on trade.',
    );
    const r = await detectClaims(text);
    expect(r.sentences.map((s) => s.speaker)).toEqual([
      'Trump',
      'Trump',
      'Interviewer',
      'Trump',
      'Interviewer',
      'Trump',
    ]);
    expect(Object.fromEntries(r.speakers.map((s) => [s.name, s.role]))).toEqual({
      Trump: 'participant',
      Interviewer: 'questioner',
    });
    expect(speaker(r, 'Trump')!.aliases).toContain('THE PRESIDENT');
    expect(r.speakers.map((s) => s.name)).not.toContain('Question');
  });

  it('reads a White House letterhead: the shouted remarks line is the title and names THE PRESIDENT', async () => {
    const text = lines(
      'The White House',
      'Office of the Press Secretary',
      'For Immediate Release',
      'September 26, 2018',
      '',
      'REMARKS BY PRESIDENT TRUMP IN PRESS CONFERENCE',
      '',
      'Lotte New York Palace Hotel',
      '',
      '5:34 P.M. EDT',
      '',
      'THE PRESIDENT: Thank you very much. It is a great honor.',
      '',
      'Q: Mr. President, thank you.',
      '',
      'END',
      '',
      '6:57 P.M. EDT',
    );
    const r = await detectClaims(text);
    expect(r.metadata).toMatchObject({ title: 'REMARKS BY PRESIDENT TRUMP IN PRESS CONFERENCE', date: '2018-09-26' });
    expect(r.sentences.map((s) => [s.text, s.speaker])).toEqual([
      ['Thank you very much.', 'Trump'],
      ['It is a great honor.', 'Trump'],
      ['Mr. President, thank you.', 'Interviewer'],
    ]);
  });

  it('skips a rush-transcript notice in the header', async () => {
    const text = lines(
      'CNN DEMOCRATIC PRESIDENTIAL DEBATE',
      'Aired April 14, 2016 - 21:00 ET',
      'THIS IS A RUSH TRANSCRIPT. THIS COPY MAY NOT BE IN ITS FINAL FORM AND MAY BE UPDATED.',
      '',
      'BLITZER: Good evening.',
      'SANDERS: We won eight of the last nine.',
    );
    const r = await detectClaims(text);
    expect(r.metadata.date).toBe('2016-04-14');
    expect(r.sentences.map((s) => s.speaker)).toEqual(['Blitzer', 'Sanders']);
  });

  it('finds an interviewer: one asker, one answerer', async () => {
    const text = lines(
      'STAHL: Mr. President, you said the climate is not changing?',
      'TRUMP: I think something is happening. Something is changing and it will change back again. I do not think it is a hoax, I think there is probably a difference. But I do not know that it is man-made.',
      'STAHL: What about the scientists who say it is worse than ever?',
      'TRUMP: You would have to show me the scientists, because they have a very big political agenda, and we have scientists on both sides of the issue who disagree with each other.',
      'STAHL: And the hurricanes?',
      'TRUMP: They say that we had hurricanes that were far worse than what we just had with Michael, back in the 1890s.',
      'STAHL: Thank you.',
    );
    const r = await detectClaims(text);
    expect(Object.fromEntries(r.speakers.map((s) => [s.name, s.role]))).toEqual({
      Stahl: 'interviewer',
      Trump: 'participant',
    });
  });

  it('takes the outlet from the header only, not from a mention deep in the text', async () => {
    const body = Array.from({ length: 30 }, (_, i) => `TRUMP: We built ${i + 2} new plants last year.`);
    const deep = await detectClaims(lines(...body, 'CLINTON: That number comes from Reuters.'));
    expect(deep.metadata.outlet).toBeUndefined();
    expect(deep.speakers.map((s) => s.name)).toEqual(['Trump', 'Clinton']);
    const headed = await detectClaims(lines('Full transcript of the debate | Reuters', 'January 5, 2016', '', ...body));
    expect(headed.metadata).toMatchObject({ outlet: 'Reuters', date: '2016-01-05' });
  });
});
