import { isHttpUrl } from './evidenceLinks';

describe('isHttpUrl', () => {
  it.each([
    'https://docs.example.gov.kz/act.pdf',
    'http://intranet.gov.kz/a?b=c#d',
    'HTTPS://EXAMPLE.KZ/',
  ])('accepts %s', url => expect(isHttpUrl(url)).toBe(true));

  it.each([
    // eslint-disable-next-line no-script-url
    'javascript:alert(1)',
    // eslint-disable-next-line no-script-url
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'ftp://files.example.kz/a',
    '//example.kz/a',
    '/relative/path',
    'https:',
    'not a url',
    '',
  ])('refuses %s', url => expect(isHttpUrl(url)).toBe(false));
});
