/** `s` as a literal inside a regular expression (names and labels found in documents go into patterns). */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
