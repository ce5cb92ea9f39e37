import { describe, expect, it } from 'vitest';
import { decodeHtmlEntities } from '../../lib/policy/text-html';
import { policyPlainText, readPolicyText } from '../../lib/policy/text-input';

/** Any named or numeric reference still in a text: what a reader would see as `&ocirc;`. */
const LEFT_ENCODED = /&(?:#[xX]?[0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);/;

describe('decodeHtmlEntities', () => {
  it.each([
    ['contr&ocirc;le', 'contrôle'],
    ['Datenschutzerkl&auml;rung', 'Datenschutzerklärung'],
    ['donn&eacute;es', 'données'],
    ['&Ouml;ffentlich &szlig; &OElig;uvre', 'Öffentlich ß Œuvre'],
    ['caf&#233; &#8364;', 'café €'],
    ['&#xE9;t&#XE9; &#x1F36A;', 'été 🍪'],
    ['Terms &amp; Conditions, Quillmark&rsquo;s', 'Terms & Conditions, Quillmark’s'],
  ])('decodes %j', (encoded, decoded) => {
    expect(decodeHtmlEntities(encoded)).toBe(decoded);
  });

  it('decodes numeric references in the Windows-1252 range as browsers do', () => {
    expect(decodeHtmlEntities('2014&#150;2015 &#147;we&#148;')).toBe('2014–2015 “we”');
  });

  it('leaves unknown names, and names without their semicolon, as written', () => {
    expect(decodeHtmlEntities('&unknown; &ocircx; &ampfoo; &copy 2015 AT&T')).toBe('&unknown; &ocircx; &ampfoo; &copy 2015 AT&T');
  });

  it('decodes once: an escaped reference stays a reference', () => {
    expect(decodeHtmlEntities('&amp;ocirc;')).toBe('&ocirc;');
  });

  it('turns control and invalid code points into a space, and no-break spaces into plain ones', () => {
    expect(decodeHtmlEntities('a&#0;b&#x1F;c&#xD800;d&#1114112;e')).toBe('a b c d e');
    expect(decodeHtmlEntities('10&nbsp;days, co&shy;okie, a&zwj;b')).toBe('10 days, cookie, ab');
  });
});

describe('policies in French and German keep no encoded characters', () => {
  it('reads a French policy page', () => {
    const html = `<html><head><title>Politique de confidentialit&eacute;</title></head><body>
      <h1>Politique de confidentialit&eacute;</h1>
      <p>Nous utilisons des cookies pour le contr&ocirc;le de la qualit&eacute; et la s&eacute;curit&eacute;
      de nos services&nbsp;: Google Analytics, un service fourni par Google&#8239;Inc.</p>
      <ul><li>Dur&eacute;e de conservation&#xA0;: 13&nbsp;mois</li><li>Vos donn&eacute;es ne sont pas vendues &agrave; des tiers.</li></ul>
      </body></html>`;
    const text = policyPlainText(readPolicyText(html, 'html'));
    expect(text).not.toMatch(LEFT_ENCODED);
    expect(text).toContain('le contrôle de la qualité et la sécurité');
    expect(text).toContain('à des tiers');
  });

  it('reads a German policy page', () => {
    const html = `<h1>Datenschutzerkl&auml;rung</h1>
      <p>Wir verwenden Cookies f&uuml;r die Reichweitenmessung. Die Daten werden &uuml;ber
      Server in den USA &uuml;bertragen und nach 14&nbsp;Monaten gel&ouml;scht (&sect;&nbsp;15 TMG, &bdquo;Opt-out&ldquo;).</p>
      <p>Gro&szlig;e &Auml;nderungen teilen wir Ihnen mit.</p>`;
    const text = policyPlainText(readPolicyText(html, 'html'));
    expect(text).not.toMatch(LEFT_ENCODED);
    expect(text).toContain('Datenschutzerklärung');
    expect(text).toContain('nach 14 Monaten gelöscht (§ 15 TMG, „Opt-out“)');
    expect(text).toContain('Große Änderungen');
  });
});
