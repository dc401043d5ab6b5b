import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { QUESTIONER_LABELS } from '@factdesk/domain';
import { findDate, parseDocument } from './document.js';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../../../fixtures/${name}`, import.meta.url)), 'utf8');
const MINSK = fixture('lavrov-minsk-2022-06-30.txt');
const MEMRI = fixture('memri-6998-lavrov-belarus-interview-2017.txt');

function sentences(text: string) {
  const d = parseDocument(text);
  return {
    doc: d,
    list: d.sentences.map((s) => ({
      text: text.slice(s.start, s.end),
      speaker: s.speakerId >= 0 ? d.registry.nameOf(s.speakerId) : null,
      role: s.role,
      start: s.start,
      end: s.end,
    })),
  };
}
const find = <T extends { text: string }>(list: T[], prefix: string): T => {
  const s = list.find((x) => x.text.startsWith(prefix));
  if (!s) throw new Error(`no sentence starting with ${prefix}`);
  return s;
};

describe('parseDocument on the Minsk remarks', () => {
  const { doc, list } = sentences(MINSK);

  it('reads title and date from the first line, and does not emit the title as a claim', () => {
    expect(list[0].text).toMatch(/^President of the Republic of Belarus/);
    expect(doc.metadata.date).toBe('2022-06-30');
    expect(doc.metadata.title).toMatch(/^Foreign Minister Sergey Lavrov’s comment/);
    expect(doc.metadata.outlet).toBeUndefined();
  });

  it('gives the first-person text to the speaker named in the title', () => {
    const body = list.filter((s) => s.role !== 'title' && s.role !== 'question');
    expect(body.length).toBeGreaterThan(50);
    expect(body.every((s) => s.speaker === 'Sergey Lavrov')).toBe(true);
    expect(find(list, 'According to our estimates, 40 percent').speaker).toBe('Sergey Lavrov');
  });

  it('gives the "Question:" turn to the interviewer and the answer back to Lavrov', () => {
    expect(find(list, 'During the meeting, you said').speaker).toBe('Interviewer');
    expect(find(list, 'Is the West beginning').role).toBe('question');
    expect(find(list, 'In this context, some reasonable voices').speaker).toBe('Sergey Lavrov');
    expect(
      doc.registry
        .list()
        .map((s) => s.name)
        .sort(),
    ).toEqual(['Interviewer', 'Sergey Lavrov']);
  });

  it('splits around "St Petersburg" and dashes correctly', () => {
    expect(find(list, 'Alexander Lukashenko and Vladimir Putin').text).toBe(
      'Alexander Lukashenko and Vladimir Putin have met recently in St Petersburg.',
    );
    expect(find(list, 'Suffice to remind you').text).toMatch(/bombed another OSCE member state\.$/);
  });

  it('keeps offsets exact', () => {
    for (const s of list) expect(MINSK.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('parseDocument on the MEMRI dispatch', () => {
  const { doc, list } = sentences(MEMRI);

  it('reads date, title and the outlet from the dispatch line', () => {
    expect(doc.metadata).toEqual({
      date: '2017-07-08',
      outlet: 'MEMRI',
      title: "Russia's Orbit – Russian FM Lavrov: We Never Asked Belarus To Choose Between Russia Or The West",
    });
  });

  it("attributes the publication's own summary to the outlet", () => {
    expect(find(list, 'During the interview, Lavrov stressed').speaker).toBe('MEMRI');
    expect(find(list, 'Lavrov then accused NATO').speaker).toBe('MEMRI');
    expect(find(list, 'On June 23, 2017, Russian Foreign Minister').role).toBe('narration');
  });

  it('attributes Q: turns to the interviewer and quoted answers to Lavrov', () => {
    expect(find(list, 'This year, the EU lifted its sanctions').speaker).toBe('Interviewer');
    expect(find(list, 'How does Moscow react').speaker).toBe('Interviewer');
    expect(find(list, 'As far I understand').speaker).toBe('Sergey Lavrov');
    expect(find(list, 'Both Russia and Belarus have denied').speaker).toBe('Sergey Lavrov');
    expect(find(list, 'We thought it would be useful').speaker).toBe('Sergey Lavrov');
  });

  it('merges Lavrov, Russian FM Lavrov and Sergey Lavrov into one speaker', () => {
    const speakers = doc.registry.list();
    expect(speakers.map((s) => s.name).sort()).toEqual(['Interviewer', 'MEMRI', 'Sergey Lavrov']);
    const lavrov = speakers.find((s) => s.name === 'Sergey Lavrov')!;
    expect(lavrov.aliases.sort()).toEqual(['Lavrov', 'Russian FM Lavrov']);
    expect(speakers.find((s) => s.name === 'MEMRI')!.kind).toBe('organisation');
  });

  it('strips the quote wrapper and opening ellipsis from quoted paragraphs', () => {
    expect(find(list, 'This year, the EU').text).toBe(
      'This year, the EU lifted its sanctions on Belarus, and their relations have become somewhat warmer.',
    );
    expect(list.some((s) => /^["“]/.test(s.text) && (s.text.match(/"/g) ?? []).length === 1)).toBe(false);
  });

  it('drops boilerplate lines (share links, footnotes, image credits)', () => {
    expect(list.some((s) => /Share this Report|^\[1\]|\(Source:/.test(s.text))).toBe(false);
  });

  it('gives the headline claim to the person named before the colon, and skips date lines', () => {
    const t = list[0];
    expect(t.text).toBe('We Never Asked Belarus To Choose Between Russia Or The West');
    expect(t.role).toBe('title');
    expect(t.speaker).toBe('Sergey Lavrov');
    expect(list.some((s) => /Special Dispatch|^July 8, 2017$/.test(s.text))).toBe(false);
  });

  it('keeps section headings whole and attributes them to the person quoted', () => {
    const h = find(list, 'NATO Has Never Changed Its Plans, Which Were');
    expect(h.text).toMatch(/Soviet Union$/);
    expect(h.role).toBe('heading');
    expect(h.speaker).toBe('Sergey Lavrov');
  });

  it('keeps offsets exact', () => {
    for (const s of list) expect(MEMRI.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('parseDocument on tricky layouts', () => {
  it('uses A: for the interviewee named in the title and joins soft-wrapped lines', () => {
    const text = [
      'Interview with the press: Remarks by President Jane Doe, Springfield, 3 March 2021',
      '',
      'Q: How many jobs were created',
      'last year?',
      'A: We created 40,000 jobs. That is a record.',
    ].join('\n');
    const { doc, list } = sentences(text);
    expect(doc.metadata.date).toBe('2021-03-03');
    expect(find(list, 'How many jobs').text).toBe('How many jobs were created\nlast year?');
    expect(find(list, 'How many jobs').speaker).toBe('Interviewer');
    expect(find(list, 'We created 40,000 jobs').speaker).toBe('Jane Doe');
  });

  it('returns to the outlet after a closed quotation in a dispatch', () => {
    const text = [
      'Special Dispatch No. 1234',
      '',
      'Example Minister Says Things',
      '',
      'The minister gave an interview on Monday, and he made several claims about the economy.',
      'John Smith: "Unemployment fell to 4 percent last year."',
      'The figure could not be verified by the time of publication, the editors note.',
    ].join('\n');
    const { list } = sentences(text);
    expect(find(list, 'The minister gave').speaker).toBe('MEMRI');
    expect(find(list, 'Unemployment fell').speaker).toBe('John Smith');
    expect(find(list, 'The figure could not').speaker).toBe('MEMRI');
  });

  it("gives quotations inside the publication's narration to the person quoted", () => {
    const text = [
      'Special Dispatch No. 1',
      '',
      'An Example Headline About Things',
      '',
      'The minister spoke to reporters on Monday about the alliance and its plans for the region. Lavrov said: "We never asked Belarus to choose. NATO did." Analysts disagreed with this view.',
      '"Sanctions lead nowhere," said Sergey Lavrov. He then left the room after the press conference.',
    ].join('\n');
    const { list } = sentences(text);
    expect(find(list, 'The minister spoke').speaker).toBe('MEMRI');
    expect(find(list, 'Lavrov said: "We never asked').speaker).toBe('Sergey Lavrov');
    expect(find(list, 'NATO did.').speaker).toBe('Sergey Lavrov');
    expect(find(list, 'Analysts disagreed').speaker).toBe('MEMRI');
    expect(find(list, '"Sanctions lead nowhere," said').speaker).toBe('Sergey Lavrov');
    expect(find(list, 'He then left').speaker).toBe('MEMRI');
  });

  it('uses the defaultSpeaker option for unlabelled text when nothing else names one', () => {
    const d = parseDocument('We cut taxes by 10 percent. Inflation is down.', { defaultSpeaker: 'Jane Doe' });
    expect(d.sentences.map((s) => (s.speakerId >= 0 ? d.registry.nameOf(s.speakerId) : null))).toEqual([
      'Jane Doe',
      'Jane Doe',
    ]);
    expect(d.metadata.title).toBeUndefined();
  });

  it('does not take a time or a sentence opener for a speaker label', () => {
    const d = parseDocument('Note: prices rose.\nAt 10:30 the talks began.');
    expect(d.registry.list()).toEqual([]);
  });
});

describe('parseDocument on Markdown', () => {
  it('ignores heading markers and bold labels', () => {
    const text =
      '# Remarks by Governor Ann Lee, May 2, 2019\n\n**Q:** Did taxes rise?\n\n**Ann Lee:** Taxes fell by 3 percent.\n';
    const { doc, list } = sentences(text);
    expect(doc.metadata.title).toBe('Remarks by Governor Ann Lee, May 2, 2019');
    expect(list.map((s) => [s.text, s.speaker])).toEqual([
      ['Did taxes rise?', 'Interviewer'],
      ['Taxes fell by 3 percent.', 'Ann Lee'],
    ]);
  });
});

describe('parseDocument: every questioner label', () => {
  // Each label of the one list, as a transcript prints it: its turns are questions under no person's name,
  // and an "A:" answer goes back to the person who was answering, not to whoever asked first.
  const labels = Object.keys(QUESTIONER_LABELS).flatMap((k) => [
    k.toUpperCase(),
    k.replace(/^./, (c) => c.toUpperCase()),
  ]);
  it.each(labels)('%s:', (label) => {
    const text = `${label}: Did taxes rise?\n\nAnn Lee: Taxes fell by 3 percent.\n\n${label}: And spending?\n\nA: Spending rose by 2 percent.\n`;
    const { list } = sentences(text);
    expect(list.map((s) => [s.text, s.speaker, s.role])).toEqual([
      ['Did taxes rise?', QUESTIONER_LABELS[label.toLowerCase()], 'question'],
      ['Taxes fell by 3 percent.', 'Ann Lee', 'statement'],
      ['And spending?', QUESTIONER_LABELS[label.toLowerCase()], 'question'],
      ['Spending rose by 2 percent.', 'Ann Lee', 'statement'],
    ]);
  });
});

describe('findDate', () => {
  it.each([
    ['July 8, 2017 Special Dispatch', '2017-07-08'],
    ['Minsk, June 30, 2022', '2022-06-30'],
    ['on 3 March 2021', '2021-03-03'],
    ['2020-02-29T10:00', '2020-02-29'],
  ])('%s → %s', (s, iso) => expect(findDate(s)?.iso).toBe(iso));
  it('returns null without a date', () => expect(findDate('No date here, only 2017.')).toBeNull());
});
