import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** One token of a sentence, with character offsets into the analysed text. */
export interface Token {
  value: string;
  lower: string;
  /** Universal POS tag from wink (NOUN, PROPN, NUM, ...). */
  pos: string;
  /** wink token type: word, number, punctuation, currency, decade, ... */
  type: string;
  start: number;
  end: number;
}

/** A wink entity (DATE, CARDINAL, PERCENT, MONEY, ...) as a token range [from, to). */
export interface WinkEntity {
  type: string;
  from: number;
  to: number;
}

export interface Analysis {
  text: string;
  tokens: Token[];
  entities: WinkEntity[];
}

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | null = null;

function instance(): Nlp {
  // Lazily created: the model takes ~100 ms to load and most importers never need it.
  if (!nlp) nlp = winkNLP(model, ['pos', 'ner']);
  return nlp;
}

/** Tokenise, tag and find numeric/date entities in one sentence. */
export function analyse(text: string): Analysis {
  const n = instance();
  const its = n.its;
  const doc = n.readDoc(text);
  const toks = doc.tokens();
  const values = toks.out(its.value) as string[];
  const pos = toks.out(its.pos) as string[];
  const types = toks.out(its.type) as string[];
  const tokens: Token[] = new Array(values.length);
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    let at = text.indexOf(v, cursor);
    // wink may normalise a token (rare); keep offsets monotone rather than fail.
    if (at < 0 || at - cursor > 8) at = cursor;
    const end = Math.min(text.length, at + v.length);
    tokens[i] = { value: v, lower: v.toLowerCase(), pos: pos[i], type: types[i], start: at, end };
    cursor = end;
  }
  const entities: WinkEntity[] = [];
  const ents = doc.entities();
  if (ents.length() > 0) {
    const details = ents.out(its.detail) as unknown as { type: string }[];
    const spans = ents.out(its.span) as unknown as [number, number][];
    for (let i = 0; i < details.length; i++) {
      entities.push({ type: details[i].type, from: spans[i][0], to: spans[i][1] + 1 });
    }
  }
  return { text, tokens, entities };
}
