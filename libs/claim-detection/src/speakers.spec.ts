import { matchSpeaker, parseSpeakerName, sameSpeaker, SpeakerRegistry } from './speakers.js';

describe('speaker names', () => {
  it.each([
    ['Lavrov', 'Lavrov'],
    ['Sergey Lavrov', 'Sergey Lavrov'],
    ['FM Lavrov', 'Lavrov'],
    ['Russian FM Lavrov', 'Lavrov'],
    ['Foreign Minister Sergey Lavrov’s', 'Sergey Lavrov'],
    ["Russia's Orbit – Russian FM Lavrov", 'Lavrov'],
    ['President of the Republic of Belarus Alexander Lukashenko', 'Alexander Lukashenko'],
    ['U.S. Secretary of State Rex Tillerson', 'Rex Tillerson'],
  ])('%s → %s', (raw, name) => {
    const p = parseSpeakerName(raw);
    expect(p.name).toBe(name);
    expect(p.kind).toBe('person');
    expect(p.key).toBe(name.split(' ').pop()!.toLowerCase());
  });

  it.each([
    ['Q', 'Interviewer'],
    ['CORRESPONDENT', 'Interviewer'],
    ['Questioner:', 'Interviewer'],
    ['MODERATOR', 'Moderator'],
    ['AUDIENCE MEMBER', 'Audience member'],
  ])('%s is a questioner: %s', (raw, name) => {
    expect(parseSpeakerName(raw)).toMatchObject({ name, interviewer: true, kind: 'person' });
  });

  it('maps interviewer labels to one interviewer and acronyms to organisations', () => {
    expect(parseSpeakerName('Q').name).toBe('Interviewer');
    expect(parseSpeakerName('Question:').interviewer).toBe(true);
    expect(parseSpeakerName('MEMRI').kind).toBe('organisation');
    expect(parseSpeakerName('Ministry of Foreign Affairs').kind).toBe('organisation');
  });

  it('compares given names: initials match, different first names do not', () => {
    expect(sameSpeaker('Russian FM Lavrov', 'Sergey Lavrov')).toBe(true);
    expect(sameSpeaker('S. Lavrov', 'Sergey Lavrov')).toBe(true);
    expect(sameSpeaker('Maria Lavrova', 'Sergey Lavrov')).toBe(false);
    expect(sameSpeaker('George Bush', 'Jeb Bush')).toBe(false);
  });

  it('merges aliases into one speaker with the fullest canonical name', () => {
    const r = new SpeakerRegistry();
    const a = r.resolveId('Lavrov');
    const b = r.resolveId('Russian FM Lavrov');
    const c = r.resolveId('Foreign Minister Sergey Lavrov');
    const q = r.resolveId('Q');
    expect(new Set([a, b, c]).size).toBe(1);
    expect(q).not.toBe(a);
    expect(r.nameOf(a)).toBe('Sergey Lavrov');
    const lavrov = r.list().find((s) => s.name === 'Sergey Lavrov')!;
    expect(lavrov.aliases).toEqual(
      expect.arrayContaining(['Lavrov', 'Russian FM Lavrov', 'Foreign Minister Sergey Lavrov']),
    );
    expect(lavrov.aliases).not.toContain('Sergey Lavrov');
  });

  it('matches a mention against existing speakers and their aliases', () => {
    const known = [
      { name: 'Alexander Lukashenko', aliases: [] },
      { name: 'Sergey Lavrov', aliases: ['FM Lavrov'] },
    ];
    expect(matchSpeaker('Russian Foreign Minister Lavrov', known)).toBe(1);
    expect(matchSpeaker('President Lukashenko', known)).toBe(0);
    expect(matchSpeaker('Vladimir Putin', known)).toBe(-1);
  });

  it.each([
    ['KASICH', 'Kasich', 'person'],
    ['RUBIO', 'Rubio', 'person'],
    ["O'MALLEY", "O'Malley", 'person'],
    ['McCAIN', 'McCain', 'person'],
    ['OCASIO-CORTEZ', 'Ocasio-Cortez', 'person'],
    ['SEN. SANDERS', 'Sanders', 'person'],
    ['MR. SCHWAB', 'Schwab', 'person'],
    ['LESLEY STAHL', 'Lesley Stahl', 'person'],
    ['THE PRESIDENT', 'The President', 'person'],
    ['UNIDENTIFIED MALE', 'Unidentified Male', 'person'],
    ['Speaker 2', 'Speaker 2', 'person'],
    ['CNN', 'CNN', 'organisation'],
    ['NATO', 'NATO', 'organisation'],
    ['MEMRI', 'MEMRI', 'organisation'],
  ])('transcript label %s → %s (%s)', (label, name, kind) => {
    expect(parseSpeakerName(label)).toMatchObject({ name, kind });
  });

  it('matches a shouted label to a hand-entered full name', () => {
    expect(matchSpeaker('RUBIO', [{ name: 'Marco Rubio', aliases: [] }])).toBe(0);
    expect(matchSpeaker("O'MALLEY", [{ name: "Martin O'Malley" }])).toBe(0);
    expect(sameSpeaker('KASICH', 'Ohio Gov. John Kasich')).toBe(true);
  });

  it('keeps a label as an alias and adopts a fuller name', () => {
    const r = new SpeakerRegistry();
    const id = r.resolveLabel('KASICH');
    r.adopt(id, ['John']);
    expect(r.list()).toEqual([
      { name: 'John Kasich', aliases: ['KASICH', 'Kasich'], kind: 'person', role: 'participant' },
    ]);
  });

  it('names THE PRESIDENT from the title, or keeps the role as the name', () => {
    const r = new SpeakerRegistry();
    const id = r.resolveLabel('THE PRESIDENT', { title: 'Remarks by President Trump in Press Conference' });
    expect(r.nameOf(id)).toBe('Trump');
    expect(r.list()[0].aliases).toContain('THE PRESIDENT');
    expect(new SpeakerRegistry().resolve('THE PRESIDENT')).toBe('The President');
  });
});
