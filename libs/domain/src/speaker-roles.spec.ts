import { SPEAKER_ROLES, type SpeakerRole } from './claims.js';
import { speakerAsks, speakerRoleIn, type SpeakerRoleFacts } from './speaker-roles.js';

describe('a speaker asks, not claims: every role', () => {
  const ASKS: Record<SpeakerRole, boolean> = {
    moderator: true,
    interviewer: true,
    questioner: true,
    participant: false,
    publication: false,
  };
  it.each(SPEAKER_ROLES)('detected %s', (role) => {
    expect(speakerAsks({ detectedRole: role })).toBe(ASKS[role]);
  });
  it('nobody said anything: a participant, who claims', () => {
    expect(speakerRoleIn({})).toBe('participant');
    expect(speakerAsks({ detectedRole: null, defaultRole: null, documentRole: null })).toBe(false);
  });
});

describe("whose word wins: this document's, then always, then detection", () => {
  const cases: [string, SpeakerRoleFacts, SpeakerRole][] = [
    ['detection alone', { detectedRole: 'moderator' }, 'moderator'],
    ['always a moderator beats detection', { detectedRole: 'participant', defaultRole: 'moderator' }, 'moderator'],
    ['always a participant beats detection', { detectedRole: 'moderator', defaultRole: 'participant' }, 'participant'],
    [
      'this document beats always',
      { detectedRole: 'moderator', defaultRole: 'moderator', documentRole: 'participant' },
      'participant',
    ],
    ['this document beats detection', { detectedRole: 'participant', documentRole: 'interviewer' }, 'interviewer'],
    ['this document alone', { documentRole: 'questioner' }, 'questioner'],
  ];
  it.each(cases)('%s', (_, facts, role) => {
    expect(speakerRoleIn(facts)).toBe(role);
  });
});
