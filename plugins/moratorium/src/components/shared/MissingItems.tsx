import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { CompletenessProblem } from '@qaztech/plugin-moratorium-common';
import { moratoriumTranslationRef } from '../../translations';
import { errorMessage, errorProblems, messageItems } from './errors';
import { Notice } from './Notice';

/** Field paths of the request content, by the label that names them. */
const FIELD_LABELS = {
  system: 'field.system',
  'system.entityRef': 'field.system',
  'system.title': 'field.system',
  'system.title.ru': 'field.titleRu',
  'system.title.kk': 'field.titleKk',
  stateBodyRef: 'field.stateBodyRef',
  purpose: 'field.purpose',
  capabilityGaps: 'field.capabilityGaps',
  'capabilityGaps.capability': 'field.capability',
  'capabilityGaps.reason': 'field.gapReason',
  cost: 'field.cost',
  'cost.amountKzt': 'field.amountKzt',
  'cost.budgetProgramme': 'field.budgetProgramme',
  dataCategories: 'field.dataCategories',
  hosting: 'field.hosting',
  'hosting.kind': 'field.hostingKind',
  'hosting.country': 'field.hostingCountry',
  securityPlan: 'field.securityPlan',
  exitPlan: 'field.exitPlan',
  attachments: 'field.attachments',
  'attachments.title': 'field.attachmentTitle',
  'attachments.url': 'field.attachmentUrl',
  'attachments.sha256': 'field.attachmentSha256',
} as const;

/**
 * What the server said is missing or wrong, one item a line: translated
 * when the server names the fields, its own sentences otherwise.
 */
export function MissingItems(props: { error: unknown; title?: string }) {
  const { t } = useTranslationRef(moratoriumTranslationRef);
  const problems = errorProblems(props.error);
  const describe = (p: CompletenessProblem) => {
    const path = p.field.replace(/\.\d+(?=\.|$)|\[\d+\]/g, '');
    const label = FIELD_LABELS[path as keyof typeof FIELD_LABELS];
    return label ? t(`problem.${p.problem}`, { field: t(label) }) : p.message;
  };
  const items =
    problems.length > 0
      ? problems.map(describe)
      : messageItems(errorMessage(props.error));
  return (
    <Notice severity="error" title={props.title ?? t('wizard.missingTitle')}>
      <ul aria-label={props.title ?? t('wizard.missingTitle')}>
        {items.map((item, index) => (
          <li key={index}>{item}</li>
        ))}
      </ul>
    </Notice>
  );
}
