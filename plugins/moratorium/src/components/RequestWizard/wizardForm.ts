import {
  Attachment,
  CapabilityGap,
  REUSE_ANSWERS_REQUIRED,
  RequestContent,
  SimilarSystem,
  similarityText,
} from '@qaztech/plugin-moratorium-common';
import {
  DataCategory,
  HostingKind,
  RegistryTitle,
  toEntityName,
} from '@qaztech/plugin-registry-common';

/** What the wizard's fields hold; numbers stay text until saved. */
export type WizardForm = {
  systemKind: 'existing' | 'planned';
  existingRef: string;
  existingTitle: string;
  plannedTitle: { ru: string; kk: string; en: string };
  stateBodyRef: string;
  purpose: string;
  gaps: CapabilityGap[];
  amountKzt: string;
  budgetProgramme: string;
  dataCategories: DataCategory[];
  hostingKind: HostingKind | '';
  hostingCountry: string;
  hostingProvider: string;
  securityPlan: string;
  exitPlan: string;
  attachments: Attachment[];
  /** Why each similar system cannot be reused, by its entity ref. */
  reuseAnswers: Record<string, string>;
};

/** An empty request: one empty capability gap row to start typing in. */
export function emptyForm(systemRef?: string): WizardForm {
  return {
    systemKind: 'existing',
    existingRef: systemRef ?? '',
    existingTitle: systemRef ?? '',
    plannedTitle: { ru: '', kk: '', en: '' },
    stateBodyRef: '',
    purpose: '',
    gaps: [{ capability: '', reason: '' }],
    amountKzt: '',
    budgetProgramme: '',
    dataCategories: [],
    hostingKind: '',
    hostingCountry: 'KZ',
    hostingProvider: '',
    securityPlan: '',
    exitPlan: '',
    attachments: [],
    reuseAnswers: {},
  };
}

/** The ref a planned system will get once registered. */
export function plannedEntityRef(titleRu: string): string {
  const name = titleRu.trim() ? toEntityName(titleRu) : '';
  return name ? `system:default/${name}` : '';
}

function text(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed ? trimmed : undefined;
}

/**
 * The content to save: blanks are left out so a draft holds only what was
 * typed; the server's completeness check names what is still missing.
 */
export function toContent(form: WizardForm): RequestContent {
  const content: RequestContent = {};
  if (form.systemKind === 'existing' && text(form.existingRef)) {
    content.system = { kind: 'existing', entityRef: form.existingRef.trim() };
  }
  if (form.systemKind === 'planned') {
    const entityRef = plannedEntityRef(form.plannedTitle.ru);
    if (entityRef) {
      const title: RegistryTitle = {
        ru: form.plannedTitle.ru.trim(),
        kk: form.plannedTitle.kk.trim(),
        ...(text(form.plannedTitle.en)
          ? { en: form.plannedTitle.en.trim() }
          : {}),
      };
      content.system = { kind: 'planned', entityRef, title };
    }
  }
  if (text(form.stateBodyRef)) {
    content.stateBodyRef = form.stateBodyRef.trim();
  }
  if (text(form.purpose)) {
    content.purpose = form.purpose.trim();
  }
  const gaps = form.gaps
    .map(g => ({ capability: g.capability.trim(), reason: g.reason.trim() }))
    .filter(g => g.capability || g.reason);
  if (gaps.length > 0) {
    content.capabilityGaps = gaps;
  }
  const amount = form.amountKzt.replace(/\s/g, '').replace(',', '.');
  if (amount || text(form.budgetProgramme)) {
    content.cost = {
      amountKzt: amount ? Number(amount) : 0,
      budgetProgramme: form.budgetProgramme.trim(),
    };
  }
  if (form.dataCategories.length > 0) {
    content.dataCategories = form.dataCategories;
  }
  if (form.hostingKind) {
    content.hosting = {
      kind: form.hostingKind,
      country: form.hostingCountry.trim().toUpperCase(),
      ...(text(form.hostingProvider)
        ? { provider: form.hostingProvider.trim() }
        : {}),
    };
  }
  if (text(form.securityPlan)) {
    content.securityPlan = form.securityPlan.trim();
  }
  if (text(form.exitPlan)) {
    content.exitPlan = form.exitPlan.trim();
  }
  const attachments = form.attachments
    .map(a => ({
      title: a.title.trim(),
      url: a.url.trim(),
      sha256: a.sha256.trim().toLowerCase(),
    }))
    .filter(a => a.title || a.url || a.sha256);
  if (attachments.length > 0) {
    content.attachments = attachments;
  }
  const reuseAnswers = Object.entries(form.reuseAnswers)
    .map(([entityRef, reason]) => ({ entityRef, reason: reason.trim() }))
    .filter(a => a.reason);
  if (reuseAnswers.length > 0) {
    content.reuseAnswers = reuseAnswers;
  }
  return content;
}

/** The fields of a saved request, to go on editing it. */
export function fromContent(content: RequestContent): WizardForm {
  const form = emptyForm();
  const system = content.system;
  if (system?.kind === 'existing') {
    form.existingRef = system.entityRef;
    form.existingTitle = system.entityRef;
  } else if (system?.kind === 'planned') {
    form.systemKind = 'planned';
    form.plannedTitle = {
      ru: system.title.ru ?? '',
      kk: system.title.kk ?? '',
      en: system.title.en ?? '',
    };
  }
  form.stateBodyRef = content.stateBodyRef ?? '';
  form.purpose = content.purpose ?? '';
  if (content.capabilityGaps?.length) {
    form.gaps = content.capabilityGaps.map(g => ({ ...g }));
  }
  form.amountKzt =
    content.cost?.amountKzt !== undefined ? String(content.cost.amountKzt) : '';
  form.budgetProgramme = content.cost?.budgetProgramme ?? '';
  form.dataCategories = content.dataCategories ?? [];
  form.hostingKind = content.hosting?.kind ?? '';
  form.hostingCountry = content.hosting?.country ?? 'KZ';
  form.hostingProvider = content.hosting?.provider ?? '';
  form.securityPlan = content.securityPlan ?? '';
  form.exitPlan = content.exitPlan ?? '';
  form.attachments = (content.attachments ?? []).map(a => ({ ...a }));
  form.reuseAnswers = Object.fromEntries(
    (content.reuseAnswers ?? []).map(a => [a.entityRef, a.reason]),
  );
  return form;
}

/**
 * The words to look for similar systems with: the planned system's titles
 * and the purpose, the same text the backend checks at submission.
 */
export function similarityQuery(form: WizardForm): string {
  return similarityText(toContent(form));
}

/** The similar systems the applicant must answer for, the most alike first. */
export function systemsToAnswer(
  form: WizardForm,
  similar: SimilarSystem[],
): SimilarSystem[] {
  const own = form.systemKind === 'existing' ? form.existingRef.trim() : '';
  return similar
    .filter(
      s =>
        s.entityRef.toLocaleLowerCase('en-US') !==
        own.toLocaleLowerCase('en-US'),
    )
    .slice(0, REUSE_ANSWERS_REQUIRED);
}

/**
 * The fields of a wizard step that must be filled before moving on, as
 * translation keys of their labels (or a similar system's title for an
 * unanswered reuse question).
 */
export function missingOnStep(
  step: number,
  form: WizardForm,
  similar: SimilarSystem[],
): Array<{ field: string } | { system: SimilarSystem }> {
  const missing: Array<{ field: string } | { system: SimilarSystem }> = [];
  const blank = (value: string) => value.trim() === '';
  if (step === 0) {
    if (form.systemKind === 'existing' && blank(form.existingRef)) {
      missing.push({ field: 'system' });
    }
    if (form.systemKind === 'planned') {
      if (blank(form.plannedTitle.ru)) missing.push({ field: 'titleRu' });
      if (blank(form.plannedTitle.kk)) missing.push({ field: 'titleKk' });
    }
  }
  if (step === 1) {
    if (blank(form.purpose)) missing.push({ field: 'purpose' });
    if (!form.gaps.some(g => !blank(g.capability) && !blank(g.reason))) {
      missing.push({ field: 'capabilityGaps' });
    }
  }
  if (step === 2) {
    for (const system of systemsToAnswer(form, similar)) {
      if (blank(form.reuseAnswers[system.entityRef] ?? '')) {
        missing.push({ system });
      }
    }
  }
  if (step === 3) {
    if (blank(form.amountKzt)) missing.push({ field: 'amountKzt' });
    if (blank(form.budgetProgramme)) missing.push({ field: 'budgetProgramme' });
    if (form.dataCategories.length === 0) {
      missing.push({ field: 'dataCategories' });
    }
    if (!form.hostingKind) missing.push({ field: 'hostingKind' });
  }
  if (step === 4) {
    if (blank(form.securityPlan)) missing.push({ field: 'securityPlan' });
    if (blank(form.exitPlan)) missing.push({ field: 'exitPlan' });
  }
  if (step === 5) {
    form.attachments.forEach(a => {
      if (blank(a.title)) missing.push({ field: 'attachmentTitle' });
      if (blank(a.url)) missing.push({ field: 'attachmentUrl' });
      if (!isSha256(a.sha256)) missing.push({ field: 'attachmentSha256' });
    });
  }
  return missing;
}

/** Whether a value is a hex SHA-256 (64 characters). */
export function isSha256(value: string): boolean {
  return /^[0-9a-fA-F]{64}$/.test(value.trim());
}
