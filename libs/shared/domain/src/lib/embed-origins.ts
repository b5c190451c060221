/** The most sites a roadmap's widget may be framed by (one `frame-ancestors` header stays short). */
export const EMBED_ORIGINS_MAX = 20;

const FIELD = 'embedOrigins';
const EXAMPLE = 'https://www.exemple.fr ou http://intranet.exemple.fr:8080';
/** A host name of letters, digits and hyphens in dot-separated labels, an IPv4 address, or an IPv6 one in brackets. */
/** The longest host name the DNS allows. */
const HOST_MAX = 253;
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])$/;

/** The origin (scheme, host, port) a line names, lower-cased and without the scheme's default port; null when it is not one. */
export function embedOrigin(line: string): string | null {
  const text = line.trim().replace(/\/$/, '');
  if (!/^https?:\/\/[^/?#@\\]+$/i.test(text)) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  // a DNS name is 253 characters at most; longer ones would only swell the Content-Security-Policy header
  if (url.hostname.length > HOST_MAX || !HOST.test(url.hostname)) return null;
  return url.origin;
}

/**
 * The sites allowed to show a roadmap's widget in a frame, as the project lead gives them: a list of at
 * most 20 origins (`https://host[:port]`, no path), stored lower-cased without repeats. Returns the
 * list to store, or the French sentence that names the field and the value at fault.
 */
export function parseEmbedOrigins(value: unknown): { origins: string[] } | { error: string } {
  if (!Array.isArray(value)) return { error: `${FIELD} doit être une liste d’origines de sites (${EXAMPLE}), une par site.` };
  const origins = new Set<string>();
  for (const item of value) {
    const origin = typeof item === 'string' ? embedOrigin(item) : null;
    if (!origin) {
      const shown = typeof item === 'string' ? `« ${item.slice(0, 200)} »` : JSON.stringify(item ?? null).slice(0, 200);
      return {
        error: `${FIELD} : ${shown} n’est pas une origine de site. Écrivez le protocole et le nom du site, avec le port s’il le faut, sans chemin (${EXAMPLE}).`,
      };
    }
    origins.add(origin);
  }
  if (origins.size > EMBED_ORIGINS_MAX) {
    return { error: `${FIELD} compte ${origins.size} sites : ${EMBED_ORIGINS_MAX} au plus peuvent intégrer l’encart.` };
  }
  return { origins: [...origins] };
}
