import { createTranslationRef } from '@backstage/frontend-plugin-api';

/**
 * The texts of the security readiness plugin. English here is the fallback;
 * Russian (the suite's default language) and Kazakh ship with the ref, so
 * the plugin is translated without app changes. Each language file has
 * every key. Check titles and remediation come from the check definitions.
 *
 * @public
 */
export const securityReadinessTranslationRef = createTranslationRef({
  id: 'security-readiness',
  messages: {
    nav: {
      title: 'Security readiness',
    },
    page: {
      title: 'Security readiness',
      description:
        'How ready the state information systems are for secure operation: scores and levels, the trend, and what security officers have to review.',
      tabsLabel: 'Security readiness sections',
      none: '—',
    },
    tabs: {
      dashboard: 'National dashboard',
      queue: 'Review queue',
    },
    level: {
      ready: 'Ready',
      conditional: 'Conditionally ready',
      'not-ready': 'Not ready',
    },
    status: {
      pass: 'Pass',
      partial: 'Partial',
      fail: 'Fail',
      unknown: 'No data',
      waived: 'Waived',
      'not-applicable': 'Does not apply',
    },
    area: {
      governance: 'Governance',
      assurance: 'Assurance',
      'secure-development': 'Secure development',
      'supply-chain': 'Supply chain',
      'hosting-and-data': 'Hosting and data',
      'crypto-and-access': 'Cryptography and access',
      monitoring: 'Monitoring',
      resilience: 'Resilience',
      privacy: 'Privacy',
    },
    gate: {
      'operating-without-test-act':
        'The system is in operation without a security test act covering the deployed version',
      'personal-data-outside-kazakhstan':
        'The system holds personal data and is hosted outside Kazakhstan',
    },
    reason: {
      'not-applicable': 'The check does not apply to this system.',
      waived: 'Waived until {{expiresAt}}.',
      'no-data': 'No “{{factType}}” data has been collected.',
      'facts-stale':
        'The latest “{{factType}}” data ({{observedAt}}) is older than {{maxAge}} days.',
      'fact-malformed': 'The collected data cannot be read: {{problem}}.',
      'attestation-missing': 'No security officer has attested this check.',
      'attestation-expired': 'The attestation expired on {{expiresAt}}.',
      attested: 'Attested by {{attestedBy}} on {{attestedAt}}: {{result}}.',
      'record-complete':
        'The record has a registry number, a legal basis and valid BINs.',
      'record-incomplete': 'Missing or invalid in the record: {{missing}}.',
      'test-act-missing':
        'The record has no security test act with a tested version.',
      'test-act-covers-release':
        'Test act No. {{number}} of {{date}} covers the deployed version {{deployed}}.',
      'test-act-version-assumed':
        'Test act No. {{number}} of {{date}} covers version {{tested}}; the deployed version is not published, so it is taken to be the tested one.',
      'test-act-version-mismatch':
        'Test act No. {{number}} covers version {{tested}}, but version {{deployed}} is deployed.',
      'hosting-platform': 'The system runs on the national platform.',
      'hosting-state-operator':
        "The system runs in the state operator's data centre.",
      'hosting-needs-attestation':
        'The system is hosted in Kazakhstan ({{kind}}); a security officer must attest that the data centre is approved.',
      'hosting-outside-kazakhstan':
        'The system is hosted outside Kazakhstan (country: {{country}}).',
      'data-categories-missing': 'The record declares no data categories.',
      'data-categories-declared':
        'The record declares the data it holds: {{categories}}.',
      'personal-data-needs-attestation':
        'The system holds {{categories}} data; a security officer must attest its access control.',
      'findings-none-overdue':
        'No security finding is overdue ({{open}} open).',
      'findings-overdue':
        '{{overdue}} of {{open}} open findings are overdue: critical {{critical}}, high {{high}}, medium {{medium}}, low {{low}}.',
      'openssf-checks': 'OpenSSF Scorecard: {{checks}}; score {{score}}.',
      'openssf-checks-inconclusive':
        'OpenSSF Scorecard gives no conclusive result for {{checks}}.',
      'vulnerabilities-none':
        'No known vulnerabilities that count against the check (critical {{critical}}, high {{high}}, medium {{medium}}, low {{low}}).',
      'vulnerabilities-found':
        'Known vulnerabilities: critical {{critical}}, high {{high}}, medium {{medium}}, low {{low}}.',
      'fields-true':
        '{{passed}} of {{total}} requirements met; not met: {{failed}}.',
      threshold: 'Measured {{value}} (10 points at {{pass}}, 0 at {{fail}}).',
      'parts-combined': 'The check scores its weakest part.',
    },
    reasonValue: {
      allFieldsTrue: 'all requirements met',
      aggregate: 'overall score',
      unknownCountry: 'unknown',
      pass: 'pass',
      fail: 'fail',
      score: '{{score}} of 10',
    },
    recordField: {
      registryNumber: 'registry number',
      legalBasis: 'legal basis',
      ownerBin: "owner's BIN",
      operatorBin: "operator's BIN",
      developerBin: "developer's BIN",
    },
    hostingKind: {
      platform: 'the national platform',
      'state-operator-dc': "state operator's data centre",
      own: "the owner's own data centre",
      commercial: 'a commercial data centre',
    },
    dataCategory: {
      personal: 'personal',
      biometric: 'biometric',
      'restricted-official': 'restricted official',
      financial: 'financial',
      health: 'health',
      open: 'open',
    },
    waiverStatus: {
      requested: 'Requested',
      granted: 'Granted',
      rejected: 'Rejected',
      expired: 'Expired',
    },
    scorecard: {
      title: 'Security readiness',
      score: 'Score',
      scoreValue: '{{score}} of 10',
      noScore: 'no score',
      level: 'Level',
      evaluatedAt: 'Evaluated {{date}}',
      gatesFailed:
        'Hard gates failed: the system is not ready whatever its score',
      checks: 'Checks',
      check: 'Check',
      status: 'Status',
      checkScore: 'Score',
      weight: 'Weight',
      details: 'Details',
      reason: 'Why',
      remediation: 'What to do',
      evidence: 'Evidence',
      evidenceLink: 'Evidence document',
      sha256: 'SHA-256 {{hash}}',
      factSeen: '“{{type}}” from {{source}}, {{date}}',
      validUntil: 'Valid until {{date}}',
      expiredOn: 'Expired on {{date}}',
      waivedUntil: 'Waived until {{date}}',
      waiverRequested: 'Waiver requested until {{date}}',
      gate: 'Hard gate',
      gateFailed: 'Hard gate failed',
      actions: 'Actions',
      evaluateNow: 'Evaluate now',
      evaluating: 'Evaluating…',
      attest: 'Attest',
      requestWaiver: 'Request a waiver',
      signOff: 'Sign off',
      neverEvaluated: 'This system has not been evaluated yet',
      neverEvaluatedHint:
        'The scorecard appears after the first evaluation, which runs on a schedule or on request.',
      notFound:
        'This system is not in the register of state information systems, so it has no scorecard.',
      forbidden: 'You may not see the scorecard of this system.',
      attested: 'The attestation is recorded and the system re-evaluated.',
      waiverSent: 'The waiver request is sent to the security officers.',
      signedOff: 'The scorecard is signed off.',
      evaluated: 'The system has been evaluated.',
      waiversTitle: 'Waivers to decide',
      evidenceHidden:
        'The evidence behind the checks (facts, attestations, waivers) is shown to the owning body, security officers and auditors only.',
      waiverLine: '{{check}}: until {{date}}, requested by {{by}}',
    },
    history: {
      title: 'History',
      empty: 'No changes recorded yet',
      when: 'When',
      result: 'Result',
      changes: 'Changes',
      change: '{{check}}: {{from}} → {{to}}',
      first: 'first evaluation',
      statusScore: '{{status}} ({{score}})',
    },
    signOff: {
      title: 'Sign-off',
      none: 'Nobody has signed off this scorecard yet',
      by: 'Signed off by',
      at: 'Signed',
      level: 'Level signed off',
      comment: 'Comment',
      stale: 'The scorecard has changed since this sign-off.',
      below: 'The level has dropped below the signed-off level ({{level}}).',
    },
    dialog: {
      cancel: 'Cancel',
      confirm: 'Confirm',
      attestTitle: 'Attest: {{check}}',
      result: 'Result',
      resultPass: 'Pass (10)',
      resultFail: 'Fail (0)',
      resultScore: 'A score from 0 to 10',
      score: 'Score (0–10)',
      scoreInvalid: 'Enter a number from 0 to 10',
      evidenceUrl: 'Link to the evidence',
      evidenceSha256: 'SHA-256 of the evidence document',
      sha256Invalid: 'SHA-256 is 64 hexadecimal characters',
      notes: 'Notes',
      performedOn: 'Date the activity was performed',
      expiresAt: 'Valid until',
      expiresAtHint:
        'Leave empty for the check’s default validity (12 months unless configured).',
      waiverTitle: 'Request a waiver: {{check}}',
      waiverIntro:
        'A waived check leaves the score until the waiver expires. A security officer other than you decides.',
      justification: 'Justification',
      waiverExpiresAt: 'Waiver until',
      waiverExpiresHint: 'At most 12 months from today.',
      signOffTitle: 'Sign off the scorecard',
      signOffIntro:
        'You sign off the scorecard as it is now: {{level}}, score {{score}}. The evidence you see is frozen with your sign-off.',
      comment: 'Comment',
      conflict:
        'The scorecard has changed since you opened it. Reload it and review the current result before signing off.',
      reload: 'Reload',
    },
    dashboard: {
      systems: 'Systems evaluated',
      averageScore: 'Average score',
      lastEvaluated: 'Latest evaluation {{date}}',
      levels: 'Systems by level',
      levelsEmpty: 'No system has been evaluated yet',
      levelSegment: '{{level}}: {{amount}} ({{percent}}%)',
      byBody: 'By state body',
      byBodyDescription:
        'State bodies with the largest share of not-ready systems first.',
      body: 'State body',
      total: 'Systems',
      notReadyShare: 'Not ready',
      share: '{{percent}}%',
      bodyBar:
        '{{body}}: ready {{ready}}, conditionally ready {{conditional}}, not ready {{notReady}}',
      bodiesEmpty: 'No state body has evaluated systems yet',
      trend: 'Trend',
      trendEmpty: 'There is no trend yet: it grows by one point a day.',
      trendDescription:
        'Systems by level from {{from}} to {{to}}: ready {{readyFrom}} → {{readyTo}}, conditionally ready {{conditionalFrom}} → {{conditionalTo}}, not ready {{notReadyFrom}} → {{notReadyTo}}.',
      evaluateAll: 'Evaluate all systems',
      runQueued: 'The evaluation is queued…',
      runProgress: 'Evaluated {{done}} of {{total}} systems',
      runDone:
        'The evaluation is finished: {{done}} systems, {{changed}} results changed.',
      runFailed: 'The evaluation failed: {{error}}',
    },
    queue: {
      awaiting: 'Awaiting sign-off',
      awaitingEmpty: 'No scorecard awaits sign-off',
      system: 'System',
      stateBody: 'State body',
      level: 'Level',
      score: 'Score',
      gates: 'Hard gates',
      evaluatedAt: 'Evaluated',
      signedLevel: 'Signed off as',
      openScorecard: 'Open the scorecard of {{system}}',
      expiring: 'Attestations expiring',
      expiringEmpty: 'No attestation expires soon',
      check: 'Check',
      attestedBy: 'Attested by',
      result: 'Result',
      expiresAt: 'Expires',
      waivers: 'Waivers to decide',
      waiversEmpty: 'No waiver waits for a decision',
      requestedBy: 'Requested by',
      justification: 'Justification',
      until: 'Until',
      decide: 'Decide',
      decisionTitle: 'Waiver of “{{check}}”',
      decisionIntro: '{{system}}, requested by {{by}} until {{date}}.',
      decision: 'Decision',
      grant: 'Grant',
      reject: 'Reject',
      comment: 'Comment',
      commentRequired: 'A rejection needs a comment',
      shorten: 'Valid until (may only be shortened)',
      granted: 'The waiver is granted.',
      rejected: 'The waiver is rejected.',
      forbidden: 'Only security officers see the review queue.',
    },
    runStatus: {
      queued: 'Queued',
      running: 'Running',
      succeeded: 'Finished',
      failed: 'Failed',
    },
  },
  translations: {
    ru: () => import('./ru'),
    kk: () => import('./kk'),
  },
});
