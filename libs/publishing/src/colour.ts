/** Only a #rrggbb colour from the rating scale reaches a style attribute; anything else is grey. */
export const safeColour = (colour: string): string => (/^#[0-9a-fA-F]{6}$/.test(colour) ? colour : '#57606a');

const channel = (v: number) => {
  const c = v / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};

/** WCAG 2 relative luminance of #rrggbb. */
function luminance(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

export const contrast = (a: string, b: string): number => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};

/**
 * The text colour for a label on this background: white when it meets WCAG AA's 4.5:1, otherwise black
 * (admins pick rating colours; a yellow "Half true" must stay readable).
 */
export function inkOn(background: string): '#fff' | '#000' {
  const bg = safeColour(background);
  return contrast(bg, '#ffffff') >= 4.5 ? '#fff' : '#000';
}
