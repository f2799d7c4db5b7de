import {
  InfoCard,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  EntityRefLink,
  useEntityPresentation,
} from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  Waiver,
  securityReadinessWaiverDecidePermission,
} from '@qaztech/plugin-security-readiness-common';
import { ReactNode, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { formatDateTime, formatDate } from '@qaztech/plugin-registry-common';
import { securityReadinessApiRef } from '../../api';
import { securityReadinessTranslationRef } from '../../translations';
import { WaiverDecisionDialog } from '../dialogs';
import {
  LevelChip,
  Notice,
  errorStatus,
  useChecks,
  useReasonText,
  useSecurityReadinessLinks,
} from '../shared';

function systemName(systemRef: string): string {
  try {
    return parseEntityRef(systemRef).name;
  } catch {
    return systemRef;
  }
}

/** A link to a system's scorecard tab, named by its title or entity name. */
function SystemLink(props: { systemRef: string; title?: string }) {
  const { t } = useTranslationRef(securityReadinessTranslationRef);
  const links = useSecurityReadinessLinks();
  // Without a title from the backend, the app's presentation names the
  // system (its register title in the reader's language).
  const presented = useEntityPresentation(props.systemRef, {
    defaultKind: 'system',
  });
  const name = props.title || presented.primaryTitle;
  return (
    <Link
      to={links.scorecard(props.systemRef)}
      title={t('queue.openScorecard', { system: name })}
    >
      {name}
    </Link>
  );
}

function Section(props: {
  title: string;
  empty: string;
  count: number;
  head: ReactNode;
  children: ReactNode;
}) {
  return (
    <InfoCard title={`${props.title} (${props.count})`}>
      {props.count === 0 ? (
        <Typography>{props.empty}</Typography>
      ) : (
        <Table size="small" aria-label={props.title}>
          <TableHead>
            <TableRow>{props.head}</TableRow>
          </TableHead>
          <TableBody>{props.children}</TableBody>
        </Table>
      )}
    </InfoCard>
  );
}

/**
 * The security officer's review queue: scorecards awaiting sign-off (each
 * linking to the system's scorecard tab), attestations about to expire,
 * and waivers waiting for a decision, which an officer grants or rejects
 * here.
 */
export function ReviewQueueTab() {
  const { t } = useTranslationRef(securityReadinessTranslationRef);
  const api = useApi(securityReadinessApiRef);
  const checks = useChecks();
  const reasonText = useReasonText();
  const queue = useAsyncRetry(() => api.getReviewQueue(), [api]);
  const { allowed: mayDecide } = usePermission({
    permission: securityReadinessWaiverDecidePermission,
  });
  const [deciding, setDeciding] = useState<Waiver>();
  const [notice, setNotice] = useState<string>();

  if (queue.loading && !queue.value) {
    return <Progress />;
  }
  if (!queue.value) {
    if (errorStatus(queue.error) === 403) {
      return <Notice severity="error">{t('queue.forbidden')}</Notice>;
    }
    return <ResponseErrorPanel error={queue.error ?? new Error('no queue')} />;
  }
  const { awaitingSignOff, expiringAttestations, pendingWaivers } = queue.value;

  return (
    <Grid container spacing={2}>
      {notice && (
        <Grid item xs={12}>
          <Notice severity="success">{notice}</Notice>
        </Grid>
      )}
      <Grid item xs={12}>
        <Section
          title={t('queue.awaiting')}
          empty={t('queue.awaitingEmpty')}
          count={awaitingSignOff.length}
          head={
            <>
              <TableCell>{t('queue.system')}</TableCell>
              <TableCell>{t('queue.stateBody')}</TableCell>
              <TableCell>{t('queue.level')}</TableCell>
              <TableCell>{t('queue.score')}</TableCell>
              <TableCell>{t('queue.gates')}</TableCell>
              <TableCell>{t('queue.evaluatedAt')}</TableCell>
              <TableCell>{t('queue.signedLevel')}</TableCell>
            </>
          }
        >
          {awaitingSignOff.map(item => (
            <TableRow key={item.systemRef}>
              <TableCell>
                <SystemLink systemRef={item.systemRef} title={item.title} />
              </TableCell>
              <TableCell>
                {item.stateBodyRef ? (
                  <EntityRefLink
                    entityRef={item.stateBodyRef}
                    defaultKind="group"
                  />
                ) : (
                  t('page.none')
                )}
              </TableCell>
              <TableCell>
                <LevelChip level={item.level} size="small" />
              </TableCell>
              <TableCell>{checks.score(item.score)}</TableCell>
              <TableCell>
                {item.gatesFailed.length === 0
                  ? t('page.none')
                  : item.gatesFailed.map(gate => (
                      <Typography variant="body2" key={gate}>
                        {t(`gate.${gate}`)}
                      </Typography>
                    ))}
              </TableCell>
              <TableCell>{formatDateTime(item.evaluatedAt)}</TableCell>
              <TableCell>
                {item.signedLevel
                  ? t(`level.${item.signedLevel}`)
                  : t('page.none')}
              </TableCell>
            </TableRow>
          ))}
        </Section>
      </Grid>
      <Grid item xs={12}>
        <Section
          title={t('queue.expiring')}
          empty={t('queue.expiringEmpty')}
          count={expiringAttestations.length}
          head={
            <>
              <TableCell>{t('queue.system')}</TableCell>
              <TableCell>{t('queue.check')}</TableCell>
              <TableCell>{t('queue.result')}</TableCell>
              <TableCell>{t('queue.attestedBy')}</TableCell>
              <TableCell>{t('queue.expiresAt')}</TableCell>
            </>
          }
        >
          {expiringAttestations.map(a => (
            <TableRow key={a.id}>
              <TableCell>
                <SystemLink systemRef={a.systemRef} />
              </TableCell>
              <TableCell>{checks.title(a.checkId)}</TableCell>
              <TableCell>
                {reasonText({
                  code: 'attested',
                  values: {
                    attestedBy: a.attestedBy,
                    attestedAt: a.attestedAt,
                    result: String(a.result),
                  },
                })}
              </TableCell>
              <TableCell>
                <EntityRefLink entityRef={a.attestedBy} defaultKind="user" />
              </TableCell>
              <TableCell>{formatDate(a.expiresAt)}</TableCell>
            </TableRow>
          ))}
        </Section>
      </Grid>
      <Grid item xs={12}>
        <Section
          title={t('queue.waivers')}
          empty={t('queue.waiversEmpty')}
          count={pendingWaivers.length}
          head={
            <>
              <TableCell>{t('queue.system')}</TableCell>
              <TableCell>{t('queue.check')}</TableCell>
              <TableCell>{t('queue.requestedBy')}</TableCell>
              <TableCell>{t('queue.justification')}</TableCell>
              <TableCell>{t('queue.until')}</TableCell>
              {mayDecide && <TableCell />}
            </>
          }
        >
          {pendingWaivers.map(w => (
            <TableRow key={w.id}>
              <TableCell>
                <SystemLink systemRef={w.systemRef} />
              </TableCell>
              <TableCell>{checks.title(w.checkId)}</TableCell>
              <TableCell>
                <EntityRefLink entityRef={w.requestedBy} defaultKind="user" />
              </TableCell>
              <TableCell style={{ whiteSpace: 'pre-wrap' }}>
                {w.justification}
              </TableCell>
              <TableCell>{formatDate(w.expiresAt)}</TableCell>
              {mayDecide && (
                <TableCell>
                  <Button
                    size="small"
                    variant="outlined"
                    color="primary"
                    onClick={() => setDeciding(w)}
                    aria-label={`${t('queue.decide')}: ${checks.title(
                      w.checkId,
                    )} (${systemName(w.systemRef)})`}
                  >
                    {t('queue.decide')}
                  </Button>
                </TableCell>
              )}
            </TableRow>
          ))}
        </Section>
      </Grid>
      {deciding && (
        <WaiverDecisionDialog
          waiver={deciding}
          onClose={() => setDeciding(undefined)}
          onDone={decision => {
            setNotice(
              t(decision === 'granted' ? 'queue.granted' : 'queue.rejected'),
            );
            queue.retry();
          }}
        />
      )}
    </Grid>
  );
}
