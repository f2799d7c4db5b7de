/**
 * Latin words a Russian or Kazakh page may show: brand, product and code
 * names, and abbreviations officials write in Latin letters. Every other
 * Latin word on a page is English a translation missed (e2e/pending/i18n.spec.ts).
 *
 * Tokens that are plainly code are allowed without a list: anything with a
 * digit, `-`, `_`, `.`, `/`, `:` or `@` in it (entity names such as
 * `olimpiady-shkolnikov`, refs, file names, URLs, e-mail addresses), and the
 * `metadata.name` of every catalog entity (single-word ones such as `shep`),
 * which the test reads from the catalog.
 *
 * Add a word here only when it is a name that stays in Latin letters in a
 * Russian or Kazakh text; English that is merely hard to translate belongs in
 * the spec's KNOWN_GAPS, with the reason.
 */
export const ALLOWED_WORDS: ReadonlySet<string> = new Set([
  // The platform's brand.
  'QazTech',
  // Abbreviations and formats written in Latin letters in Russian and Kazakh.
  'API',
  'APIs',
  'CSV',
  'JSON',
  'YAML',
  'URL',
  'ID',
  'IT',
  'CI',
  'CD',
  'HTTP',
  'HTTPS',
  'OIDC',
  'SQL',
  'PDF',
  'SLA',
  'SSO',
  'DNS',
  'TLS',
  'MFA',
  'OpenAPI',
  'AsyncAPI',
  'GraphQL',
  'gRPC',
  // Products and tools named on the pages (scorecard checks, templates).
  'GitHub',
  'GitLab',
  'Git',
  'git',
  'Kubernetes',
  'Docker',
  'PostgreSQL',
  'OpenSSF',
  'Scorecard',
  'Trivy',
  'Jira',
  'SonarQube',
  'TechDocs',
  'MkDocs',
  'Markdown',
  'Excel',
  'LibreOffice',
]);

/** Brand names of more than one word, allowed as a whole. */
export const ALLOWED_PHRASES: ReadonlyArray<string> = ['eGov Mobile'];
