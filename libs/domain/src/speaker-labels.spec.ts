import { isQuestioner, questionerName } from './speaker-labels.js';

describe('questioner labels: one list', () => {
  it.each([
    // Interviewers, whatever the transcript calls them.
    ['Q', 'Interviewer'],
    ['Question', 'Interviewer'],
    ['QUESTIONER', 'Interviewer'],
    ['Interviewer', 'Interviewer'],
    ['Journalist', 'Interviewer'],
    ['CORRESPONDENT', 'Interviewer'],
    ['Correspondent:', 'Interviewer'],
    ['REPORTER', 'Interviewer'],
    ['Host', 'Interviewer'],
    ['Presenter', 'Interviewer'],
    ['Anchor', 'Interviewer'],
    // Chairs and audiences.
    ['MODERATOR', 'Moderator'],
    ['Audience', 'Audience member'],
    ['AUDIENCE MEMBER', 'Audience member'],
    ['Audience  member', 'Audience member'],
    ['Audience question', 'Audience member'],
    ['Member of the audience', 'Audience member'],
    // The names the turns are shown under are questioners too.
    ['Audience member', 'Audience member'],
    // People and organisations are speakers.
    ['Sergey Lavrov', null],
    ['A', null],
    ['Answer', null],
    ['MEMRI', null],
    ['Hostage negotiator', null],
    ['Q&A', null],
    ['constructor', null],
    ['', null],
  ] as const)('%j → %s', (label, name) => {
    expect(questionerName(label)).toBe(name);
    expect(isQuestioner(label)).toBe(name !== null);
  });
});
