import { createTranslationRef } from '@backstage/frontend-plugin-api';

/**
 * The texts of the register plugin. English here is the fallback; Russian and
 * Kazakh ship with the ref, so the plugin is translated without app changes.
 * The ref's type requires every key in each language file.
 *
 * @public
 */
export const registryTranslationRef = createTranslationRef({
  id: 'plugin.registry',
  messages: {
    terms: {
      'information-system': {
        one: 'information system',
        many: 'information systems',
        registry: 'Register of information systems',
      },
      'digital-system': {
        one: 'digital system',
        many: 'digital systems',
        registry: 'Register of digital systems',
      },
    },
    nav: {
      title: 'Register',
    },
    page: {
      description:
        'State {{systems}} in the national register and where each stands under the moratorium.',
      shown: 'Shown {{shown}} of {{total}}',
      showMore: 'Show more',
      empty: 'No systems match these filters',
      export: 'Export CSV',
      exporting: 'Exporting…',
      exportFailed: 'Could not export the register: {{error}}',
    },
    filters: {
      label: 'Filters',
      all: 'All',
      option: '{{label}} ({{amount}})',
      stateBody: 'State body',
      platformStatus: 'Platform status',
      lifecycleStage: 'Lifecycle stage',
      dataCategory: 'Data category',
      critical: 'Critical only',
      search: 'Search',
      searchPlaceholder: 'Title, registry number or name',
      clear: 'Clear filters',
    },
    table: {
      title: 'Title',
      registryNumber: 'Registry number',
      stateBody: 'State body',
      lifecycleStage: 'Lifecycle stage',
      platformStatus: 'Platform status',
    },
    chart: {
      title: 'Platform status by state body',
      description: 'The {{amount}} state bodies with the most systems',
      segment: '{{body}}: {{status}} — {{amount}}',
      total: '{{body}}: {{amount}} in total',
      empty: 'The register is empty',
    },
    platformStatus: {
      'on-platform': 'On the platform',
      'legacy-migrating': 'Legacy, migrating',
      exempted: 'Exempted',
      violation: 'In violation',
      unknown: 'Not evaluated yet',
    },
    lifecycleStage: {
      planned: 'Planned',
      creation: 'Creation',
      'pilot-operation': 'Pilot operation',
      'industrial-operation': 'Industrial operation',
      development: 'Development',
      decommissioned: 'Decommissioned',
    },
    ownerKind: {
      'state-body': 'State body',
      'local-executive-body': 'Local executive body',
      'state-legal-entity': 'State legal entity',
      'quasi-state-organisation': 'Quasi-state organisation',
      'non-state-integrated': 'Non-state system integrated with state systems',
    },
    integrationChannel: {
      shep: 'through the government service bus',
      direct: 'direct connection',
    },
    hostingKind: {
      platform: 'National platform',
      'state-operator-dc': "State operator's data centre",
      own: 'Own premises',
      commercial: 'Commercial provider',
    },
    dataCategory: {
      personal: 'Personal',
      biometric: 'Biometric',
      'restricted-official': 'Restricted official',
      financial: 'Financial',
      health: 'Health',
      open: 'Open',
    },
    ciaLevel: {
      low: 'low',
      medium: 'medium',
      high: 'high',
    },
    legalActType: {
      law: 'Law',
      decree: 'Decree',
      resolution: 'Resolution',
      order: 'Order',
      decision: 'Decision',
    },
    reason: {
      'on-platform': 'The system runs on the QazTech platform.',
      'legacy-decommissioned':
        'Created on {{createdAt}}, before the moratorium started on {{moratoriumStart}}; the system is decommissioned.',
      'legacy-no-deadline':
        'Created on {{createdAt}}, before the moratorium started on {{moratoriumStart}}; it must migrate to the platform, but no migration deadline is set.',
      'legacy-deadline-passed':
        'Created on {{createdAt}}, before the moratorium started on {{moratoriumStart}}; its migration deadline {{deadline}} has passed.',
      'legacy-migrating':
        'Created on {{createdAt}}, before the moratorium started on {{moratoriumStart}}; it must migrate to the platform by {{deadline}}.',
      exempted:
        'Created outside the platform on {{createdAt}}, under the moratorium; exempted by decision {{decisionNumber}} of {{decisionDate}} until {{expiresAt}}.',
      'exempted-open-ended':
        'Created outside the platform on {{createdAt}}, under the moratorium; exempted by decision {{decisionNumber}} of {{decisionDate}} without an expiry date.',
      'no-exemption':
        'Created outside the platform on {{createdAt}}, under the moratorium in force since {{moratoriumStart}}, and has no exemption.',
      'exemption-revoked':
        'Created outside the platform on {{createdAt}}, under the moratorium; exemption {{decisionNumber}} of {{decisionDate}} was revoked.',
      'exemption-expired':
        'Created outside the platform on {{createdAt}}, under the moratorium; exemption {{decisionNumber}} expired on {{expiresAt}}.',
      'exemption-not-yet':
        'Created outside the platform on {{createdAt}}, under the moratorium; exemption {{decisionNumber}} takes effect on {{decisionDate}}.',
    },
    card: {
      title: 'Register record',
      titleRu: 'Title (Russian)',
      titleKk: 'Title (Kazakh)',
      titleEn: 'Title (English)',
      registryNumber: 'Registry number',
      purpose: 'Purpose',
      legalBasis: 'Legal basis',
      legalBasisValue: '{{actType}} No. {{number}} of {{date}}',
      ownerKind: 'Owner kind',
      owner: 'Owner',
      operator: 'Operator',
      developer: 'Developer',
      party: '{{name}}, BIN {{bin}}',
      securityOfficer: 'Security officer',
      lifecycle: 'Lifecycle',
      lifecycleEvent: '{{stage}} since {{date}}',
      platformStatus: 'Platform status',
      reason: 'Reason',
      migrationDeadline: 'Migration deadline: {{date}}',
      hosting: 'Hosting',
      hostingValue: '{{kind}}, {{country}}',
      classification: 'Classification',
      critical: 'Critical object',
      notCritical: 'Not a critical object',
      cia: 'confidentiality {{confidentiality}}, integrity {{integrity}}, availability {{availability}}',
      dataCategories: 'Data categories',
      securityTestAct: 'Security test act',
      securityTestActValue: 'No. {{number}} of {{date}}, version {{version}}',
      socProvider: 'Security operations centre',
      integrations: 'Integrations',
      usedBy: 'Used by',
      usedByError: 'Could not load the systems that use this one: {{message}}',
      none: 'None',
      stateBody: 'State body',
      exemption: 'Exemption',
      exemptionValue: 'Commission decision No. {{number}} of {{date}}',
      exemptionExpires: 'valid until {{date}}',
      exemptionOpenEnded: 'open-ended',
      scorecard: 'Security readiness',
      scorecardNotAvailable: 'The scorecard is not available yet',
    },
  },
  translations: {
    ru: () => import('./ru'),
    kk: () => import('./kk'),
  },
});
