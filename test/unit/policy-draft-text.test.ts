import { describe, expect, it } from 'vitest';
import { decodeHtmlEntities, htmlToMarkdownish } from '../../lib/policy/text-html';
import { guessPolicyTextFormat, policyPlainText, policyTextFormatOf, readPolicyText } from '../../lib/policy/text-input';
import { splitSentences } from '../../lib/policy/text-sentences';

describe('HTML without a DOM', () => {
  it('drops scripts, styles, comments and templates with their content', () => {
    const html = `<p>Before.</p>
      <script type="text/javascript" data-x="a>b">if (a < b) { document.write("<p>We use Twitter cookies.</p>"); }</script>
      <style>.cookie { color: red }</style><!-- We use Facebook pixels. -->
      <template><p>Hidden cookies</p></template><noscript><img src="https://px.example/p.gif"></noscript>
      <p>After.</p>`;
    const text = htmlToMarkdownish(html).text;
    expect(text.replace(/\s+/g, ' ').trim()).toBe('Before. After.');
  });

  it('drops an unclosed script to the end rather than showing its code', () => {
    expect(htmlToMarkdownish('<p>Kept.</p><script>var cookie = 1; <p>lost</p>').text.trim()).toBe('Kept.');
  });

  it('decodes entities once, after the tags are gone', () => {
    expect(decodeHtmlEntities('Terms &amp; Conditions, Quillmark&rsquo;s, &#8220;we&#x201D;, &nbsp;x')).toBe(
      'Terms & Conditions, Quillmark’s, “we”,  x',
    );
    expect(decodeHtmlEntities('&amp;lt;script&amp;gt; &unknown; &#0;')).toBe('&lt;script&gt; &unknown;  ');
    const read = readPolicyText('<p>Write &lt;script&gt; &amp; we mean it.</p>', 'html');
    expect(read.sections[0]!.paragraphs).toEqual(['Write <script> & we mean it.']);
  });

  it('keeps headings, bold-only paragraphs as headings, list items and table rows', () => {
    const read = readPolicyText(
      `<html><head><title>Privacy &mdash; Acme</title></head><body>
       <h1>Privacy policy</h1><p>Intro text.</p>
       <h2>Cookies <small>(updated)</small></h2><p>We use cookies.</p>
       <p><strong>Advertising</strong></p><ul><li>First item.</li><li>Second <b>item</b>.</li></ul>
       <table><tr><th>Name</th><th>Provider</th></tr><tr><td>_ga</td><td>Google</td></tr></table>
       </body></html>`,
      'html',
    );
    expect(read.title).toBe('Privacy — Acme');
    expect(read.sections).toEqual([
      { heading: 'Introduction', paragraphs: ['Intro text.'], untitled: true },
      { heading: 'Cookies (updated)', paragraphs: ['We use cookies.'] },
      { heading: 'Advertising', paragraphs: ['First item.', 'Second item.', 'Name | Provider', '_ga | Google'] },
    ]);
  });
});

describe('markdown and plain text', () => {
  it('reads #, setext, bold-line and plain-line headings; the first # heading is the title', () => {
    const read = readPolicyText(
      [
        '> _A note about this copy._',
        '',
        '# Privacy policy | Example',
        '',
        'Effective Date: 02/04/2015',
        '',
        '**Cookies and other Tracking Technologies**',
        '',
        'We use [cookies](https://example.com/c "Cookies") and *beacons*.',
        '',
        'Information Related to Data Collected for our Clients',
        '',
        'We may use `localStorage`.',
        '',
        'Advertising',
        '-----------',
        '',
        '  * first item',
        '    continues here',
        '  * second item',
      ].join('\n'),
      'markdown',
    );
    expect(read.title).toBe('Privacy policy | Example');
    expect(read.sections.map((s) => s.heading)).toEqual([
      'Introduction',
      'Cookies and other Tracking Technologies',
      'Information Related to Data Collected for our Clients',
      'Advertising',
    ]);
    expect(read.sections[0]!.paragraphs).toEqual(['A note about this copy.', 'Effective Date: 02/04/2015']);
    expect(read.sections[1]!.paragraphs).toEqual(['We use cookies and beacons.']);
    expect(read.sections[2]!.paragraphs).toEqual(['We may use `localStorage`.']);
    expect(read.sections[3]!.paragraphs).toEqual(['first item continues here', 'second item']);
  });

  it('keeps snake_case words and typographic quotes', () => {
    const read = readPolicyText('The _ga_XYZ cookie and users’ “settings”.', 'markdown');
    expect(read.sections[0]!.paragraphs).toEqual(['The ga_XYZ cookie and users’ “settings”.']);
  });

  it('reads plain text headings (short lines, capitals) and leaves markup-like characters alone', () => {
    const read = readPolicyText('COOKIES\n\nWe use [cookies] and *stars*.\nSecond line.\n\nLegal notice', 'text');
    expect(read.sections).toEqual([{ heading: 'COOKIES', paragraphs: ['We use [cookies] and *stars*. Second line.', 'Legal notice'] }]);
  });

  it('prints plain text with headings on their own lines', () => {
    const read = readPolicyText('# Title\n\nIntro.\n\n## Cookies\n\nWe use cookies.', 'markdown');
    expect(policyPlainText(read)).toBe('Title\n\nIntro.\n\nCookies\n\nWe use cookies.\n');
  });

  it('knows formats by extension and guesses pasted ones', () => {
    expect(policyTextFormatOf('a/b.MD')).toBe('markdown');
    expect(policyTextFormatOf('policy.htm')).toBe('html');
    expect(policyTextFormatOf('policy.txt')).toBe('text');
    expect(policyTextFormatOf('policy.pdf')).toBeUndefined();
    expect(policyTextFormatOf('policy')).toBeUndefined();
    expect(guessPolicyTextFormat('<div><p>We use cookies.</p></div>')).toBe('html');
    expect(guessPolicyTextFormat('We use cookies when a < b.')).toBe('markdown');
  });
});

describe('splitSentences', () => {
  it('splits at sentence ends but not after abbreviations, initials or dotted acronyms', () => {
    expect(
      splitSentences(
        'We use cookies (e.g. language preference). The U.S. - E.U. Safe Harbor framework applies. ' +
          'Owned by Example Inc. This policy applies. Is that all? “Yes.” 2 cookies remain.',
      ),
    ).toEqual([
      'We use cookies (e.g. language preference).',
      'The U.S. - E.U. Safe Harbor framework applies.',
      'Owned by Example Inc.',
      'This policy applies.',
      'Is that all?',
      '“Yes.”',
      '2 cookies remain.',
    ]);
  });

  it('does not split inside addresses or before lower-case words', () => {
    expect(splitSentences('Visit www.example.com/privacy for more. See Example Inc. and its affiliates.')).toEqual([
      'Visit www.example.com/privacy for more.',
      'See Example Inc. and its affiliates.',
    ]);
  });
});
