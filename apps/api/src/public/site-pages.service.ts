import { Injectable } from '@nestjs/common';
import type { SitePageDto } from '@factdesk/domain';
import { SitePagesRepository } from '@factdesk/persistence';
import { SITE_PAGES, type SitePageKey } from './site-pages.js';

/** The admin-edited text of /methodology and /corrections-policy (the defaults until edited). */
@Injectable()
export class SitePagesService {
  constructor(private readonly pages: SitePagesRepository) {}

  async list(): Promise<SitePageDto[]> {
    const stored = await this.pages.list();
    return Object.entries(SITE_PAGES).map(([key, d]) => {
      const s = stored.find((p) => p.key === key);
      return {
        key,
        path: d.path,
        title: s?.title ?? d.title,
        body: s?.body ?? d.body,
        updatedAt: s?.updatedAt.toISOString() ?? null,
        edited: !!s,
      };
    });
  }

  /** Replaces a page's text; the public cache hears of it from the table's notification. */
  async put(
    key: SitePageKey,
    input: { title: string; body: string },
    actorId: string,
    requestId: string,
  ): Promise<SitePageDto> {
    const saved = await this.pages.put(key, input, { actorId, requestId });
    return {
      key,
      path: SITE_PAGES[key].path,
      title: saved.title,
      body: saved.body,
      updatedAt: saved.updatedAt.toISOString(),
      edited: true,
    };
  }
}
