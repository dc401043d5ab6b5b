/** The admin-edited text pages, with the text shown until an admin writes their own. */
export const SITE_PAGES = {
  methodology: {
    path: '/methodology',
    title: 'Methodology',
    body: `We check claims that matter to the public and that can be checked against evidence.

## How we choose claims
We look for statements of fact — numbers, comparisons, causes, records — made by people whose words carry weight, and check those the public is most likely to act on.

## How we check
A reviewer researches each claim from primary sources first (the original data, document or statement), then secondary ones. An editor reviews the work before it is published. Every source we relied on is listed with the fact-check.

## Our ratings
Each fact-check carries one rating from our scale, from the most accurate to the least; some ratings, such as *Misleading* or *Unverifiable*, sit outside the ordinal scale.`,
  },
  'corrections-policy': {
    path: '/corrections-policy',
    title: 'Corrections policy',
    body: `When we get something wrong, we fix it and say so.

- A **correction** publishes a new version of the fact-check with a note saying what changed and when. The note stays at the end of the fact-check for good.
- A **retraction** withdraws a fact-check that does not stand. Its page stays, with the retraction note at the top, so readers who relied on it can find out.

To ask for a correction, write to the newsroom with the fact-check's address and what you believe is wrong.`,
  },
} as const;

export type SitePageKey = keyof typeof SITE_PAGES;
export const SITE_PAGE_KEYS = Object.keys(SITE_PAGES) as SitePageKey[];
