import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Typography from '@material-ui/core/Typography';
import type {
  DraftDecision,
  ExemptionRequest,
} from '@qaztech/plugin-moratorium-common';
import { formatDateTime, formatDate } from '@qaztech/plugin-registry-common';
import { moratoriumTranslationRef } from '../../translations';
import { DefinitionList, Row } from '../shared';

/** The terms of a draft decision: outcome, expiry, conditions, reasons. */
export function DraftTerms(props: { draft: DraftDecision }) {
  const { t } = useTranslationRef(moratoriumTranslationRef);
  const { draft } = props;
  return (
    <DefinitionList>
      <Row term={t('draft.outcome')}>{t(`outcome.${draft.outcome}`)}</Row>
      {draft.expiresAt && (
        <Row term={t('draft.expiresAt')}>{formatDate(draft.expiresAt)}</Row>
      )}
      {draft.conditions.length > 0 && (
        <Row term={t('draft.conditions')}>
          <ul style={{ margin: 0, paddingLeft: 16 }}>
            {draft.conditions.map((c, i) => (
              <li key={i}>
                {c.text} ({formatDate(c.dueDate)})
              </li>
            ))}
          </ul>
        </Row>
      )}
      {draft.reasons && (
        <Row term={t('draft.reasons')}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{draft.reasons}</span>
        </Row>
      )}
      <Row term={t('draft.proposedBy')}>
        {draft.proposedBy} · {formatDateTime(draft.proposedAt)}
      </Row>
    </DefinitionList>
  );
}

/**
 * What the commission has on the table for a request: the draft decision
 * put to the vote, how often it was deferred, and a revocation waiting for
 * a second person.
 */
export function DraftSection(props: { request: ExemptionRequest }) {
  const { t } = useTranslationRef(moratoriumTranslationRef);
  const { request } = props;
  const draft = request.draftDecision;
  return (
    <>
      {draft && (
        <section aria-label={t('draft.title', { round: String(draft.round) })}>
          <Typography variant="subtitle1" component="h3">
            {t('draft.title', { round: String(draft.round) })}
          </Typography>
          <DraftTerms draft={draft} />
        </section>
      )}
      {request.deferrals > 0 && (
        <Typography variant="body2">
          {t('draft.deferrals', { times: String(request.deferrals) })}
        </Typography>
      )}
      {request.revocationProposal && (
        <Typography variant="body2" role="status">
          {t('draft.revocationProposed', {
            by: request.revocationProposal.proposedBy,
            reason: request.revocationProposal.reason,
          })}
        </Typography>
      )}
    </>
  );
}
