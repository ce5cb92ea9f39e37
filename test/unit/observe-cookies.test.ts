import { describe, expect, it } from 'vitest';
import { cookieObservation, mergeSightings } from '../../lib/observe/cookies';
import { parseSetCookie } from '../../lib/observe/set-cookie';

const page = 'https://www.inbenta.com/';

function sighting(header: string, via: 'http' | 'js' | 'api', url: string, time: number) {
  return cookieObservation({ cookie: parseSetCookie(header, url, 0)!, via, pageUrl: page, time, url });
}

describe('cookie observations', () => {
  it('calls a cookie on the page’s own registrable domain first party, others third party', () => {
    expect(sighting('_ga=1; Max-Age=60', 'js', page, 1).party).toBe('first');
    expect(sighting('IDE=1; Domain=.doubleclick.net', 'http', 'https://stats.g.doubleclick.net/r', 1).party).toBe('third');
  });

  it('gives the same cookie on the same page the same id, whoever set it', () => {
    const a = sighting('_ga=1; Path=/', 'js', page, 1);
    const b = sighting('_ga=2; Path=/', 'api', 'https://www.inbenta.com/x', 2);
    expect(a.id).toBe(b.id);
    expect(sighting('_ga=1; Path=/', 'js', 'https://www.inbenta.com/', 1).id).not.toBe(
      cookieObservation({ cookie: parseSetCookie('_ga=1; Path=/', page, 0)!, via: 'js', pageUrl: 'https://www.inbenta.com/other', time: 1 }).id,
    );
  });

  it('merges a page-hook sighting confirmed by the cookies API: stronger source, both vias, earliest time', () => {
    const hook = sighting('_ga=1; Path=/; Max-Age=60', 'js', page, 5);
    const api = cookieObservation({
      cookie: { name: '_ga', details: { domain: 'www.inbenta.com', path: '/', lifetimeSeconds: 60, httpOnly: false, secure: false, sameSite: 'lax' }, deletes: false },
      via: 'api',
      pageUrl: page,
      time: 7,
    });
    const merged = mergeSightings(hook, api);
    expect(merged).toMatchObject({ source: 'browser-api', confirmedBy: ['page-hook'], via: ['js'], time: 5 });
    expect(merged.cookie).toMatchObject({ sameSite: 'lax', httpOnly: false });
    expect(merged.url).toBe(page); // the script URL from the hook is kept
  });

  it('is order independent', () => {
    const http = sighting('a=1; Path=/; HttpOnly', 'http', page, 3);
    const hook = sighting('a=1; Path=/', 'js', page, 4);
    expect(mergeSightings(http, hook)).toEqual(mergeSightings(hook, http));
  });
});
