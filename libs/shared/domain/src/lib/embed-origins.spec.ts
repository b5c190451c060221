import { EMBED_ORIGINS_MAX, embedOrigin, parseEmbedOrigins } from './embed-origins';

describe('embed origins', () => {
  it('keeps the origin of a line: lower-cased, without a trailing slash or the default port', () => {
    expect(embedOrigin(' HTTPS://Www.Brest.FR/ ')).toBe('https://www.brest.fr');
    expect(embedOrigin('http://intranet.brest.fr:8080')).toBe('http://intranet.brest.fr:8080');
    expect(embedOrigin('https://brest.fr:443')).toBe('https://brest.fr');
    expect(embedOrigin('http://127.0.0.1:4200')).toBe('http://127.0.0.1:4200');
    expect(embedOrigin('http://[::1]:8080')).toBe('http://[::1]:8080');
    expect(embedOrigin(`https://${'abcdefghi.'.repeat(25)}fr`)).toBe(`https://${'abcdefghi.'.repeat(25)}fr`);
  });

  it('refuses what is not an origin: a path, a query, another scheme, credentials, a wildcard, a policy injection', () => {
    for (const bad of [
      'https://brest.fr/actualites',
      'https://brest.fr?x=1',
      'https://brest.fr#a',
      'javascript:alert(1)',
      'ftp://brest.fr',
      'brest.fr',
      'https://user@brest.fr',
      'https://*.brest.fr',
      "https://brest.fr; script-src 'unsafe-inline'",
      'https://brest.fr,https://evil.example',
      `https://${'abcdefghi.'.repeat(25)}fran`,
      `https://${'a.'.repeat(4999)}fr`,
      '',
    ]) {
      expect(embedOrigin(bad)).toBeNull();
    }
  });

  it('stores the list without repeats, and names the field and the value at fault', () => {
    expect(parseEmbedOrigins(['https://a.fr', 'HTTPS://A.FR/', 'https://b.fr'])).toEqual({ origins: ['https://a.fr', 'https://b.fr'] });
    expect(parseEmbedOrigins([])).toEqual({ origins: [] });
    expect(parseEmbedOrigins('https://a.fr')).toEqual({ error: expect.stringMatching(/^embedOrigins doit être une liste/) });
    expect(parseEmbedOrigins(['https://a.fr/page'])).toEqual({ error: expect.stringContaining('« https://a.fr/page »') });
    expect(parseEmbedOrigins([42])).toEqual({ error: expect.stringContaining('42 n’est pas une origine') });
    const many = Array.from({ length: EMBED_ORIGINS_MAX + 1 }, (_, i) => `https://site${i}.fr`);
    expect(parseEmbedOrigins(many)).toEqual({ error: 'embedOrigins compte 21 sites : 20 au plus peuvent intégrer l’encart.' });
    expect(parseEmbedOrigins([...many.slice(0, 20), 'https://site0.fr'])).toEqual({ origins: many.slice(0, 20) });
  });
});
