/**
 * Turn labels for someone a transcript does not name: whoever asks the questions, chairs, or speaks from the
 * audience ("Q:", "CORRESPONDENT:", "AUDIENCE MEMBER:"). Their turns are questions, not claims to file under a
 * speaker. One list: claim detection reads turns with it, and the worker and the API keep these names off the
 * speakers. Each label maps to the name its turns are shown under.
 */
export const QUESTIONER_LABELS: Readonly<Record<string, QuestionerName>> = {
  q: 'Interviewer',
  question: 'Interviewer',
  questioner: 'Interviewer',
  interviewer: 'Interviewer',
  journalist: 'Interviewer',
  correspondent: 'Interviewer',
  reporter: 'Interviewer',
  host: 'Interviewer',
  presenter: 'Interviewer',
  anchor: 'Interviewer',
  moderator: 'Moderator',
  audience: 'Audience member',
  'audience member': 'Audience member',
  'audience question': 'Audience member',
  'member of the audience': 'Audience member',
};
export type QuestionerName = 'Interviewer' | 'Moderator' | 'Audience member';

const fold = (label: string) =>
  label
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** The name a questioner's turns go under ("CORRESPONDENT:" → "Interviewer"), or null for anyone else. */
export function questionerName(label: string): QuestionerName | null {
  return Object.hasOwn(QUESTIONER_LABELS, fold(label)) ? QUESTIONER_LABELS[fold(label)] : null;
}

/** True for a label or name that stands for a questioner, not a speaker to file claims under. */
export const isQuestioner = (label: string): boolean => questionerName(label) !== null;
