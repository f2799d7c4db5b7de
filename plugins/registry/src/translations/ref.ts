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
      unverified: 'Unverified claims only',
      search: 'Search',
      searchPlaceholder: 'Title, registry number or name',
      clear: 'Clear filters',
    },
    claims: {
      label: 'Unverified',
      createdAt:
        'claims creation on {{claimed}}; the register first saw it on {{evidence}}',
      onPlatform:
        'claims to run on the platform; the platform inventory does not list it',
      exemption:
        'claims exemption {{claimed}}; no Commission decision confirms it',
      owner:
        'names {{claimed}} as owner; that Group is not a state body in the catalog',
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
      scorecardLink: 'Open the scorecard',
      exemptionLink: 'Exemption requests and decisions',
    },
    tabs: {
      register: 'Register',
      campaigns: 'Campaigns',
      integrations: 'Integrations',
    },
    list: {
      or: ' or ',
    },
    progressStatus: {
      late: 'Late',
      'at-risk': 'At risk',
      'on-track': 'On track',
      done: 'Done',
    },
    campaignState: {
      draft: 'Draft',
      active: 'Active',
      ended: 'Ended',
      archived: 'Archived',
    },
    readinessLevel: {
      ready: 'ready',
      conditional: 'conditionally ready',
      'not-ready': 'not ready',
    },
    goalKind: {
      'platform-status': 'Reach a platform status',
      'readiness-level': 'Reach a security readiness level',
      'checks-pass': 'Pass readiness checks',
    },
    goal: {
      'readiness-level': 'Each system reaches at least the level “{{level}}”',
      'platform-status': 'Each system is {{statuses}}',
      'checks-pass': 'Each system passes the checks {{checks}}',
    },
    whatToDo: {
      done: 'Nothing: the goal is met',
      'reach-readiness': 'Reach the level “{{level}}” (now “{{current}}”)',
      'reach-readiness-unknown':
        'Reach the level “{{level}}” (not evaluated yet)',
      'move-to-platform': 'Become {{statuses}} (now: {{current}})',
      'pass-checks': 'Pass the checks {{checks}}',
    },
    burnUp: {
      title: 'Share of systems done',
      milestone: '{{share}} by {{date}}',
      description:
        'Share of systems done from {{from}} to {{to}}: {{shareFrom}} → {{shareTo}}; milestones: {{milestones}}.',
      noHistory: 'No progress recorded yet; milestones: {{milestones}}.',
      legendDone: 'share done',
      legendTarget: 'milestones',
    },
    milestoneBar: {
      label: '{{share}} done; milestones: {{milestones}}',
    },
    campaigns: {
      title: 'Campaigns',
      description:
        'National deadlines over the register and who is on track, at risk or late.',
      new: 'New campaign',
      stateFilter: 'Campaigns',
      current: 'Current (not archived)',
      empty: 'No campaigns here',
      owner: 'Owner',
      fromConfig: 'defined in configuration',
      done: '{{done}} of {{total}} systems done ({{share}})',
      nextMilestone: 'Next milestone: {{share}} by {{date}}',
      noNextMilestone: 'No milestone ahead',
      notComputed: 'Progress has not been computed yet',
      bodies: {
        late: '{{amount}} bodies late',
        'at-risk': '{{amount}} at risk',
        'on-track': '{{amount}} on track',
        done: '{{amount}} done',
      },
    },
    campaign: {
      status: 'Status',
      progress: 'Progress',
      requiredShare: 'Required by today',
      nextMilestone: 'Next milestone',
      goal: 'Goal',
      bodies: 'State bodies, the latest first',
      body: 'State body',
      responsible: 'Responsible',
      noResponsible: 'Not named',
      systemsDone: 'Systems done',
      doneOfTotal: '{{done}} of {{total}}',
      share: 'Share',
      noBodies: 'No state body has systems in this campaign',
      systems: 'Systems',
      systemsOf: 'Systems of {{body}}',
      system: 'System',
      whatToDo: 'What it must do',
      noSystems: 'No systems match',
      statusFilter: 'Status',
      allStatuses: 'All statuses',
      allBodies: 'All state bodies',
      chartOfBody: 'Burn-up of {{body}}',
      lateCsv: 'Late list (CSV)',
      lateCsvFailed: 'Could not download the late list',
      edit: 'Edit',
      moveFailed: 'Could not change the campaign',
      moveTo: {
        draft: 'Back to draft',
        active: 'Activate',
        ended: 'End',
        archived: 'Archive',
      },
    },
    campaignForm: {
      title: 'New campaign',
      editTitle: 'Edit campaign',
      titles: 'Title and owner',
      titleRu: 'Title (Russian)',
      titleKk: 'Title (Kazakh)',
      titleEn: 'Title (English)',
      descriptionRu: 'Description (Russian)',
      descriptionKk: 'Description (Kazakh)',
      descriptionEn: 'Description (English)',
      owner: 'Owner (user or group entity ref)',
      goal: 'Goal for each system',
      goalKind: 'Goal',
      level: 'Readiness level',
      goalStatuses: 'Platform statuses that count as done',
      checkIds: 'Readiness check ids (comma-separated)',
      scope: 'Systems in scope',
      stateBodies:
        'State bodies (group entity refs, comma-separated; empty: all)',
      onPlatform: 'On the platform',
      critical: 'Critical',
      tri: {
        any: 'Any',
        yes: 'Yes',
        no: 'No',
      },
      lifecycleStages: 'Lifecycle stages (none ticked: all)',
      platformStatuses: 'Platform statuses (none ticked: all)',
      scopeStatus: 'In scope: {{status}}',
      schedule: 'Start and milestones',
      startDate: 'Start date',
      milestoneDate: 'Milestone {{number}}: date',
      milestonePercent: 'Milestone {{number}}: % of systems done',
      removeMilestone: 'Remove milestone {{number}}',
      addMilestone: 'Add a milestone',
      conflict:
        'Someone changed this campaign meanwhile; close the dialog and open it again to see the change.',
      cancel: 'Cancel',
      create: 'Create',
      save: 'Save',
    },
    campaignCard: {
      title: 'Campaigns',
      none: 'This system is in no campaign',
    },
    similar: {
      title: 'Similar systems',
      description:
        'Systems of the register whose purpose overlaps this one’s: candidates for reuse instead of a new system.',
      none: 'No system with a similar purpose',
      sharedTerms: 'shared: {{terms}}',
    },
    integrations: {
      title: 'Integrations',
      description:
        'Integrations between state systems through the government service bus and direct connections, from the register records.',
      empty: 'No integrations recorded',
      legend:
        'An arrow points from the system that uses another to the one it uses; the border colour is the platform status, dashed when the system is not in the register.',
      table: 'All integrations shown',
      from: 'System',
      to: 'Uses',
      via: 'Channel',
    },
  },
  translations: {
    ru: () => import('./ru'),
    kk: () => import('./kk'),
  },
});
