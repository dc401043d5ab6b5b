import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { htmlToText, readDocument } from './input.js';
import { detectClaims } from './detect.js';

describe('input', () => {
  it('converts HTML to text that keeps paragraphs and labels on their own lines', async () => {
    const text = htmlToText(
      '<html><body><h1>Remarks by Governor Ann Lee, May 2, 2019</h1><img src="x.png"><p><b>Q:</b> Did taxes rise?</p><p>Ann Lee: Taxes fell by <a href="/x">3 percent</a>.</p><script>var x = 1;</script></body></html>',
    );
    const result = await detectClaims(text);
    expect(result.metadata.date).toBe('2019-05-02');
    expect(result.sentences.map((s) => [s.text, s.speaker])).toEqual([
      ['Did taxes rise?', 'Interviewer'],
      ['Taxes fell by 3 percent.', 'Ann Lee'],
    ]);
    expect(text).not.toContain('var x');
  });

  it('reads .txt and .md verbatim and .html converted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'claims-'));
    writeFileSync(join(dir, 'a.md'), '# T\n\nText <b>bold</b>.');
    writeFileSync(join(dir, 'a.html'), '<p>Text <b>bold</b>.</p>');
    expect(readDocument(join(dir, 'a.md'))).toBe('# T\n\nText <b>bold</b>.');
    expect(readDocument(join(dir, 'a.html')).trim()).toBe('Text bold.');
  });
});
