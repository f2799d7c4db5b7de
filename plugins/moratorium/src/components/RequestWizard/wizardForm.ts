import type {
  Attachment,
  CapabilityGap,
  RequestContent,
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
  return form;
}

/** The words to look for similar systems with: the title and the purpose. */
export function similarityQuery(form: WizardForm): string {
  let title = '';
  if (form.systemKind === 'planned') {
    title = form.plannedTitle.ru;
  } else if (form.existingTitle !== form.existingRef) {
    // A title picked from the register; a bare ref says nothing of purpose.
    title = form.existingTitle;
  }
  return [title, form.purpose]
    .map(s => s.trim())
    .filter(Boolean)
    .join(' ');
}

/** Whether a value is a hex SHA-256 (64 characters). */
export function isSha256(value: string): boolean {
  return /^[0-9a-fA-F]{64}$/.test(value.trim());
}
