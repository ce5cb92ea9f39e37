import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditFixture, startFixtureServer, type AuditRun } from './helpers';
import type { FixtureServer } from '../fixtures/server';
import { hookChecks } from '../fixtures/routes';
import type { Observation } from '../../lib/model/observation';

/**
 * A hostile page claims what the browser did not do: a cookie for doubleclick.net written through
 * document.cookie (the browser rejects it), a Set-Cookie for doubleclick.net on its own response
 * (its host may not set that domain), and the stack machinery rewritten so that a Google script
 * seems to write the site's own cookie and storage. Only what the browser accepted may be recorded,
 * and a writer named only by the page may not make Google a party.
 */
const PAGE = 'https://www.auditor-fixture.com/forged-claims.html';

let server: FixtureServer;
let run: AuditRun;

beforeAll(async () => {
  server = await startFixtureServer();
  run = await auditFixture(server, [PAGE], ['--wait-ms', '3000', '--no-policy-discovery']);
  if (!run.report) throw new Error(`no report; CLI said:\n${run.log.join('\n')}`);
});

afterAll(async () => {
  await server?.close();
});

const cookie = (observations: Observation[], name: string) => observations.filter((o) => o.kind === 'cookie' && o.name === name);

describe('a page that claims cookies and writers the browser never confirmed', () => {
  it('records no cookie for a domain the page or its response may not set, and no Google finding', () => {
    const { observations, findings } = run.report!;
    expect(observations.filter((o) => o.kind === 'cookie' && /doubleclick/.test(o.host)).map((o) => o.name)).toEqual([]);
    expect(cookie(observations, 'forged_dc')).toEqual([]);
    expect(cookie(observations, 'dc_header')).toEqual([]);
    expect(findings.filter((f) => f.organization === 'Google' || f.domains.some((d) => /google|doubleclick/.test(d)))).toEqual([]);
  });

  it('still records the genuine third-party cookies, confirmed by the browser', () => {
    const { observations } = run.report!;
    const [header] = cookie(observations, 'tp_http');
    expect(header).toMatchObject({ host: 'tracker.adnet-fixture.com', party: 'third', via: ['http'], source: 'network' });
    expect(header!.confirmedBy).toContain('browser-api');
    const [script] = cookie(observations, 'widget_js');
    expect(script).toMatchObject({ host: 'cdn.widget-fixture.net', party: 'third', via: ['js'], source: 'browser-api' });
    expect(script!.confirmedBy).toContain('page-hook');
  });

  it('credits the site’s own cookies to the page, not to a writer the page made up', () => {
    const { observations, findings } = run.report!;
    for (const name of ['writer_pst', 'writer_limit0']) {
      const [o] = cookie(observations, name);
      expect(o, name).toMatchObject({ host: 'www.auditor-fixture.com', party: 'first', url: PAGE });
      expect(o!.writerEvidence, name).toBeUndefined();
    }
    const storage = observations.find((o) => o.kind === 'storage' && o.name === 'ls_writer_pst');
    expect(storage).toMatchObject({ url: PAGE });
    // Error.prepareStackTrace locked by the page: whatever the stack says is the page's word only.
    const [locked] = cookie(observations, 'writer_locked');
    expect(locked).toMatchObject({ host: 'www.auditor-fixture.com', party: 'first', writerEvidence: 'page-claim' });
    const site = findings.find((f) => f.observationIds.includes(locked!.id));
    expect(site?.status).toBe('first-party');
  });

  it('leaves the page’s own changes to the stack machinery as the page made them', () => {
    expect(hookChecks.map((body) => JSON.parse(body) as unknown)).toEqual([{ prepareStackTrace: true, stackTraceLimit: true, locked: true }]);
  });
});

describe('a profile that blocks third-party cookies', () => {
  it('records no third-party cookie the browser refused, from a header or from a frame’s script', async () => {
    const blocked = await auditFixture(server, [PAGE], ['--wait-ms', '3000', '--no-policy-discovery', '--block-third-party-cookies']);
    if (!blocked.report) throw new Error(`no report; CLI said:\n${blocked.log.join('\n')}`);
    const names = blocked.report.observations.filter((o) => o.kind === 'cookie').map((o) => o.name).sort();
    expect(names).toEqual(['writer_limit0', 'writer_locked', 'writer_pst']);
  });
});
