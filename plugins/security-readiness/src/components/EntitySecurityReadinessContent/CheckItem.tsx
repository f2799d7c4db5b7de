import { Link } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import type {
  Attestation,
  CheckResult,
  Waiver,
} from '@qaztech/plugin-security-readiness-common';
import { formatDate } from '@qaztech/plugin-registry-common';
import { securityReadinessTranslationRef } from '../../translations';
import { StatusChip, isPast, useChecks, useReasonText } from '../shared';

/** Statuses that ask the owner to do something. */
const NEEDS_WORK: CheckResult['status'][] = ['fail', 'partial', 'unknown'];

/** What the caller may do on one check. */
export type CheckActions = {
  attest?: () => void;
  requestWaiver?: () => void;
};

function Line(props: { term: string; children: React.ReactNode }) {
  return (
    <Box display="flex" gridGap={8} mt={0.5}>
      <Typography
        variant="body2"
        color="textSecondary"
        style={{ minWidth: 140 }}
      >
        {props.term}
      </Typography>
      <Box flexGrow={1}>
        {typeof props.children === 'string' ? (
          <Typography variant="body2">{props.children}</Typography>
        ) : (
          props.children
        )}
      </Box>
    </Box>
  );
}

/**
 * One check of a system's scorecard: its title, status, score and weight,
 * why it has that status, what to do when it fails, the evidence it rests
 * on with its expiry, its waiver and the buttons the caller may use.
 */
export function CheckItem(props: {
  result: CheckResult;
  attestation?: Attestation;
  /** The waiver of this check waiting for a decision, if any. */
  pendingWaiver?: Waiver;
  actions: CheckActions;
}) {
  const { t } = useTranslationRef(securityReadinessTranslationRef);
  const checks = useChecks();
  const reasonText = useReasonText();
  const { result, attestation, pendingWaiver, actions } = props;
  const title = checks.title(result.checkId);
  const headingId = `security-readiness-check-${result.checkId}`;
  const remediation = checks.remediation(result.checkId);
  const { evidence } = result;

  let expiry: string | undefined;
  if (result.expiresAt) {
    const day = formatDate(result.expiresAt);
    if (result.status === 'waived') {
      expiry = t('scorecard.waivedUntil', { date: day });
    } else if (isPast(result.expiresAt)) {
      expiry = t('scorecard.expiredOn', { date: day });
    } else {
      expiry = t('scorecard.validUntil', { date: day });
    }
  }

  return (
    <Box
      component="article"
      aria-labelledby={headingId}
      py={1.5}
      borderBottom="1px solid rgba(0, 0, 0, 0.12)"
    >
      <Box display="flex" alignItems="center" gridGap={8} flexWrap="wrap">
        <Typography
          id={headingId}
          variant="subtitle1"
          component="h4"
          style={{ flexGrow: 1 }}
        >
          {title}
        </Typography>
        {result.gate?.failed && (
          <Chip
            size="small"
            label={t('scorecard.gateFailed')}
            style={{ backgroundColor: '#c62828', color: '#fff' }}
          />
        )}
        {pendingWaiver && (
          <Chip
            size="small"
            variant="outlined"
            label={t('scorecard.waiverRequested', {
              date: formatDate(pendingWaiver.expiresAt),
            })}
          />
        )}
        <StatusChip status={result.status} />
      </Box>
      <Box display="flex" gridGap={16} mt={0.5}>
        {result.applicable && (
          <Typography variant="body2">
            {t('scorecard.checkScore')}: {checks.score(result.score)}
          </Typography>
        )}
        {result.applicable && (
          <Typography variant="body2">
            {t('scorecard.weight')}: {checks.number(result.weight)}
          </Typography>
        )}
      </Box>
      <Line term={t('scorecard.reason')}>{reasonText(result.reason)}</Line>
      {NEEDS_WORK.includes(result.status) && remediation && (
        <Line term={t('scorecard.remediation')}>{remediation}</Line>
      )}
      {(evidence.url ||
        evidence.sha256 ||
        (evidence.facts && evidence.facts.length > 0) ||
        attestation) && (
        <Line term={t('scorecard.evidence')}>
          <Box display="flex" flexDirection="column">
            {evidence.facts?.map(fact => (
              <Typography
                variant="body2"
                key={`${fact.type}-${fact.source}-${fact.observedAt}`}
              >
                {t('scorecard.factSeen', {
                  type: fact.type,
                  source: fact.source,
                  date: formatDate(fact.observedAt),
                })}
              </Typography>
            ))}
            {/* The reason already names the counted attestation. */}
            {attestation && result.reason.code !== 'attested' && (
              <Typography variant="body2">
                {reasonText({
                  code: 'attested',
                  values: {
                    attestedBy: attestation.attestedBy,
                    attestedAt: attestation.attestedAt,
                    result: String(attestation.result),
                  },
                })}
              </Typography>
            )}
            {attestation?.evidence.notes && (
              <Typography variant="body2" style={{ whiteSpace: 'pre-wrap' }}>
                {attestation.evidence.notes}
              </Typography>
            )}
            {evidence.url && (
              <Typography variant="body2">
                <Link to={evidence.url}>{t('scorecard.evidenceLink')}</Link>
              </Typography>
            )}
            {evidence.sha256 && (
              <Typography
                variant="body2"
                style={{ wordBreak: 'break-all', fontFamily: 'monospace' }}
              >
                {t('scorecard.sha256', { hash: evidence.sha256 })}
              </Typography>
            )}
          </Box>
        </Line>
      )}
      {expiry && <Line term={t('scorecard.details')}>{expiry}</Line>}
      {(actions.attest || actions.requestWaiver) && (
        <Box display="flex" gridGap={8} mt={1}>
          {actions.attest && (
            <Button
              size="small"
              variant="outlined"
              color="primary"
              onClick={actions.attest}
              aria-label={`${t('scorecard.attest')}: ${title}`}
            >
              {t('scorecard.attest')}
            </Button>
          )}
          {actions.requestWaiver && (
            <Button
              size="small"
              variant="outlined"
              onClick={actions.requestWaiver}
              aria-label={`${t('scorecard.requestWaiver')}: ${title}`}
            >
              {t('scorecard.requestWaiver')}
            </Button>
          )}
        </Box>
      )}
    </Box>
  );
}
