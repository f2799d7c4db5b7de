import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Typography from '@material-ui/core/Typography';
import type { UnverifiedClaim } from '@qaztech/plugin-registry-common';
import { registryTranslationRef } from '../../translations';

/**
 * The claims of a system's own record that the evidence does not bear out,
 * each naming what was claimed and what the evidence says. Nothing when
 * there are none.
 */
export function UnverifiedClaims(props: { claims?: UnverifiedClaim[] }) {
  const { t } = useTranslationRef(registryTranslationRef);
  if (!props.claims?.length) {
    return null;
  }
  return (
    <Typography
      variant="caption"
      component="div"
      color="error"
      data-testid="unverified-claims"
    >
      <strong>{t('claims.label')}:</strong>{' '}
      {props.claims
        .map(claim =>
          t(`claims.${claim.field}`, {
            claimed: claim.claimed,
            evidence: claim.evidence,
          }),
        )
        .join('; ')}
    </Typography>
  );
}
