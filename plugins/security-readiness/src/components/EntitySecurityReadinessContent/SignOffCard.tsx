import { InfoCard } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  ScorecardResult,
  SignOff,
  isBelowLevel,
} from '@qaztech/plugin-security-readiness-common';
import { ReactNode } from 'react';
import { formatDateTime } from '@qaztech/plugin-registry-common';
import { securityReadinessTranslationRef } from '../../translations';
import { LevelChip, Notice, useChecks } from '../shared';

function Row(props: { term: string; children: ReactNode }) {
  return (
    <Box display="flex" gridGap={8} mb={0.5}>
      <Typography
        variant="body2"
        color="textSecondary"
        style={{ minWidth: 160 }}
      >
        {props.term}
      </Typography>
      <Typography variant="body2" component="div">
        {props.children}
      </Typography>
    </Box>
  );
}

/**
 * The latest sign-off of the scorecard: who signed which level and when,
 * and whether the result has changed or dropped since.
 */
export function SignOffCard(props: {
  signOff?: SignOff;
  result: ScorecardResult;
}) {
  const { t } = useTranslationRef(securityReadinessTranslationRef);
  const checks = useChecks();
  const { signOff, result } = props;
  return (
    <InfoCard title={t('signOff.title')}>
      {!signOff ? (
        <Typography>{t('signOff.none')}</Typography>
      ) : (
        <>
          <Row term={t('signOff.level')}>
            <LevelChip level={signOff.level} size="small" />{' '}
            {checks.score(signOff.score)}
          </Row>
          <Row term={t('signOff.by')}>
            <EntityRefLink entityRef={signOff.signedBy} defaultKind="user" />
          </Row>
          <Row term={t('signOff.at')}>{formatDateTime(signOff.signedAt)}</Row>
          {signOff.comment && (
            <Row term={t('signOff.comment')}>{signOff.comment}</Row>
          )}
          {isBelowLevel(result.level, signOff.level) ? (
            <Notice severity="warning">
              {t('signOff.below', { level: t(`level.${signOff.level}`) })}
            </Notice>
          ) : (
            result.inputsHash &&
            signOff.evidenceHash !== result.inputsHash && (
              <Notice severity="info">{t('signOff.stale')}</Notice>
            )
          )}
        </>
      )}
    </InfoCard>
  );
}
