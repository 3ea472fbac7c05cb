import type { SiteBackground } from '@/lib/sites/types';

// Every site adapter's optional background half (lib/sites/<site>/background.ts), found at build
// time: a new site needs no edit here.
const modules = import.meta.glob<{ siteBackground: SiteBackground }>('../sites/*/background.ts', { eager: true });

export const SITE_BACKGROUNDS: SiteBackground[] = Object.values(modules).map((m) => m.siteBackground);
