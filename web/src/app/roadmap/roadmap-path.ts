/** The link to a page of a roadmap: `/r/<slug>/<segments…>` (router commands). */
export function roadmapPath(slug: string, ...segments: Array<string | number>): Array<string | number> {
  return ['/r', slug, ...segments];
}

/** The sections of a roadmap that exist in every roadmap (the switcher keeps the reader in the same one). */
export const ROADMAP_SECTIONS = [
  'acteurs',
  'chronogramme',
  'corbeille',
  'diagnostic',
  'gouvernance',
  'import',
  'lignes-de-base',
  'phases',
  'rapport',
  'reprise',
] as const;

/**
 * Where the same page is in another roadmap: the same section when it is one of every roadmap's
 * (the chronogram, the Corbeille…), else the other roadmap's overview (an action belongs to one roadmap).
 */
export function sameSectionIn(url: string, slug: string): string {
  const path = url.split(/[?#]/)[0];
  const match = /^\/r\/[^/]+\/([^/]+)$/.exec(path);
  const section = match?.[1];
  return section && (ROADMAP_SECTIONS as readonly string[]).includes(section) ? `/r/${slug}/${section}` : `/r/${slug}`;
}
