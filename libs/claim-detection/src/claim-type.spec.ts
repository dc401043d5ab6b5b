import { classifyClaim } from './claim-type.js';
import { prepare } from './scorer.js';

const type = (t: string) => {
  const p = prepare(t);
  return classifyClaim(p.analysis, p.entities);
};

describe('classifyClaim (Full Fact typology)', () => {
  it.each([
    ['Unemployment fell to 4.7 percent last year.', 'quantity'],
    ['We spend $5 billion a year on it.', 'quantity'],
    ['Our economy is growing faster than theirs.', 'comparison'],
    ['Prices rose because the central bank printed money.', 'causal'],
    ['This is illegal under the UN Charter.', 'law_rule'],
    ['Inflation will come down next year.', 'prediction'],
    ['The Berlin Wall fell in November 1989.', 'historical_event'],
    ['President Poroshenko said that the agreements "should be fully implemented".', 'quote'],
    ['I remember meeting him at these talks in Minsk.', 'personal_experience'],
    ['We are always open to dialogue.', 'other'],
  ])('%s → %s', (text, expected) => expect(type(text)).toBe(expected));
});
