import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import {
  CHECK_AREAS,
  CheckResult,
  Waiver,
  acceptsAttestation,
  securityReadinessEvaluatePermission,
  waiverStatusAt,
} from '@qaztech/plugin-security-readiness-common';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { formatDateTime, formatDate } from '@qaztech/plugin-registry-common';
import { ScorecardView, securityReadinessApiRef } from '../../api';
import { securityReadinessTranslationRef } from '../../translations';
import {
  AttestDialog,
  SignOffDialog,
  WaiverDecisionDialog,
  WaiverRequestDialog,
} from '../dialogs';
import {
  LevelChip,
  Notice,
  errorMessage,
  errorStatus,
  useChecks,
} from '../shared';
import { CheckActions, CheckItem } from './CheckItem';
import { HistoryCard } from './HistoryCard';
import { SignOffCard } from './SignOffCard';

/** Statuses a waiver can be asked for. */
const WAIVABLE: CheckResult['status'][] = ['fail', 'partial', 'unknown'];

type OpenDialog =
  | { kind: 'attest' | 'waiver'; checkId: string }
  | { kind: 'sign-off' }
  | { kind: 'decide'; waiver: Waiver };

/** The waivers of a system still waiting for a decision. */
function pendingWaivers(view: ScorecardView, now = new Date()): Waiver[] {
  return view.waivers.filter(w => waiverStatusAt(w, now) === 'requested');
}

/** Evaluates one system now, with progress on the button. */
function EvaluateButton(props: {
  systemRef: string;
  onDone: () => void;
  onError: (error: unknown) => void;
}) {
  const { t } = useTranslationRef(securityReadinessTranslationRef);
  const api = useApi(securityReadinessApiRef);
  const [busy, setBusy] = useState(false);
  return (
    <Button
      variant="outlined"
      color="primary"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        try {
          await api.evaluate(props.systemRef);
          props.onDone();
        } catch (e) {
          props.onError(e);
        } finally {
          setBusy(false);
        }
      }}
    >
      {busy ? t('scorecard.evaluating') : t('scorecard.evaluateNow')}
    </Button>
  );
}

/**
 * The scorecard tab of a state information system: its level and score,
 * the hard gates that failed, every check by area with the reason, what to
 * do, the evidence and its expiry, the waivers, the latest sign-off and the
 * history of changes. Officers attest checks, decide waivers and sign off;
 * owners ask for waivers — each button only for those the backend allows.
 */
export function EntitySecurityReadinessContent() {
  const { t } = useTranslationRef(securityReadinessTranslationRef);
  const api = useApi(securityReadinessApiRef);
  const checks = useChecks();
  const { entity } = useEntity();
  const systemRef = stringifyEntityRef(entity);
  const scorecard = useAsyncRetry(
    () => api.getScorecard(systemRef),
    [api, systemRef],
  );
  const history = useAsyncRetry(
    () => api.getHistory(systemRef, { limit: 20 }),
    [api, systemRef],
  );
  const { allowed: mayEvaluate } = usePermission({
    permission: securityReadinessEvaluatePermission,
  });
  const [open, setOpen] = useState<OpenDialog>();
  const [notice, setNotice] = useState<
    { severity: 'success' | 'error'; text: string } | undefined
  >();

  const reload = () => {
    scorecard.retry();
    history.retry();
  };
  const done = (text: string) => () => {
    setNotice({ severity: 'success', text });
    reload();
  };
  const failed = (error: unknown) =>
    setNotice({ severity: 'error', text: errorMessage(error) });
  const noticeBox = notice && (
    <Notice severity={notice.severity}>{notice.text}</Notice>
  );

  if (scorecard.loading && !scorecard.value) {
    return <Progress />;
  }
  const view = scorecard.value;
  if (!view || view.result.checks.length === 0) {
    const status = errorStatus(scorecard.error);
    if (scorecard.error && status === 403) {
      return <Notice severity="error">{t('scorecard.forbidden')}</Notice>;
    }
    if (scorecard.error && status !== 404) {
      return <ResponseErrorPanel error={scorecard.error} />;
    }
    return (
      <InfoCard title={t('scorecard.title')}>
        <Typography variant="h6" component="p">
          {t('scorecard.neverEvaluated')}
        </Typography>
        <Typography variant="body2" color="textSecondary">
          {t('scorecard.neverEvaluatedHint')}
        </Typography>
        {noticeBox}
        {mayEvaluate && (
          <Box mt={2}>
            <EvaluateButton
              systemRef={systemRef}
              onDone={done(t('scorecard.evaluated'))}
              onError={failed}
            />
          </Box>
        )}
      </InfoCard>
    );
  }

  const { result, allowedActions } = view;
  const may = (action: ScorecardView['allowedActions'][number]) =>
    allowedActions.includes(action);
  const pending = pendingWaivers(view);
  const attestationsById = new Map(view.attestations.map(a => [a.id, a]));

  const actionsFor = (check: CheckResult): CheckActions => {
    const definition = checks.definition(check.checkId);
    const actions: CheckActions = {};
    if (
      may('attest') &&
      check.applicable &&
      definition &&
      acceptsAttestation(definition)
    ) {
      actions.attest = () =>
        setOpen({ kind: 'attest', checkId: check.checkId });
    }
    if (
      may('request-waiver') &&
      WAIVABLE.includes(check.status) &&
      !pending.some(w => w.checkId === check.checkId)
    ) {
      actions.requestWaiver = () =>
        setOpen({ kind: 'waiver', checkId: check.checkId });
    }
    return actions;
  };

  const areas = CHECK_AREAS.map(area => ({
    area,
    results: result.checks.filter(c => c.area === area),
  })).filter(a => a.results.length > 0);

  return (
    <Grid container spacing={2}>
      {view.evidenceHidden && (
        <Grid item xs={12}>
          <Notice severity="info">{t('scorecard.evidenceHidden')}</Notice>
        </Grid>
      )}
      <Grid item xs={12}>
        <InfoCard title={t('scorecard.title')}>
          <Box display="flex" alignItems="center" gridGap={16} flexWrap="wrap">
            <LevelChip level={result.level} />
            <Typography variant="h5" component="p">
              {t('scorecard.score')}: {checks.score(result.score)}
            </Typography>
            <Typography variant="body2" color="textSecondary">
              {t('scorecard.evaluatedAt', {
                date: formatDateTime(result.evaluatedAt),
              })}
            </Typography>
            <Box flexGrow={1} />
            {may('evaluate') && (
              <EvaluateButton
                systemRef={systemRef}
                onDone={done(t('scorecard.evaluated'))}
                onError={failed}
              />
            )}
            {may('sign-off') && result.inputsHash && (
              <Button
                variant="contained"
                color="primary"
                onClick={() => setOpen({ kind: 'sign-off' })}
              >
                {t('scorecard.signOff')}
              </Button>
            )}
          </Box>
          {result.gatesFailed.length > 0 && (
            <Notice severity="error" title={t('scorecard.gatesFailed')}>
              <Box component="ul" m={0} pl={3}>
                {result.gatesFailed.map(gate => (
                  <li key={gate}>
                    <Typography variant="body2">{t(`gate.${gate}`)}</Typography>
                  </li>
                ))}
              </Box>
            </Notice>
          )}
          {noticeBox}
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={8}>
        <InfoCard title={t('scorecard.checks')}>
          {areas.map(({ area, results }) => (
            <Box
              component="section"
              key={area}
              aria-labelledby={`security-readiness-area-${area}`}
              mb={2}
            >
              <Typography
                id={`security-readiness-area-${area}`}
                variant="h6"
                component="h3"
              >
                {t(`area.${area}`)}
              </Typography>
              {results.map(check => (
                <CheckItem
                  key={check.checkId}
                  result={check}
                  attestation={
                    check.evidence.attestationId
                      ? attestationsById.get(check.evidence.attestationId)
                      : undefined
                  }
                  pendingWaiver={pending.find(w => w.checkId === check.checkId)}
                  actions={actionsFor(check)}
                />
              ))}
            </Box>
          ))}
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={4}>
        <SignOffCard signOff={view.signOff} result={result} />
        {may('decide-waiver') && pending.length > 0 && (
          <Box mt={2}>
            <InfoCard title={t('scorecard.waiversTitle')}>
              {pending.map(waiver => (
                <Box key={waiver.id} mb={1.5}>
                  <Typography variant="body2">
                    {t('scorecard.waiverLine', {
                      check: checks.title(waiver.checkId),
                      date: formatDate(waiver.expiresAt),
                      by: waiver.requestedBy,
                    })}
                  </Typography>
                  <Typography variant="body2" color="textSecondary">
                    {waiver.justification}
                  </Typography>
                  <Button
                    size="small"
                    color="primary"
                    variant="outlined"
                    onClick={() => setOpen({ kind: 'decide', waiver })}
                    aria-label={`${t('queue.decide')}: ${checks.title(
                      waiver.checkId,
                    )}`}
                  >
                    {t('queue.decide')}
                  </Button>
                </Box>
              ))}
            </InfoCard>
          </Box>
        )}
      </Grid>
      <Grid item xs={12}>
        <HistoryCard entries={history.value?.items} error={history.error} />
      </Grid>

      {open?.kind === 'attest' && (
        <AttestDialog
          systemRef={systemRef}
          checkId={open.checkId}
          checkTitle={checks.title(open.checkId)}
          onClose={() => setOpen(undefined)}
          onDone={done(t('scorecard.attested'))}
        />
      )}
      {open?.kind === 'waiver' && (
        <WaiverRequestDialog
          systemRef={systemRef}
          checkId={open.checkId}
          checkTitle={checks.title(open.checkId)}
          onClose={() => setOpen(undefined)}
          onDone={done(t('scorecard.waiverSent'))}
        />
      )}
      {open?.kind === 'sign-off' && (
        <SignOffDialog
          result={result}
          onClose={() => setOpen(undefined)}
          onDone={done(t('scorecard.signedOff'))}
          onReload={() => {
            setNotice(undefined);
            reload();
          }}
        />
      )}
      {open?.kind === 'decide' && (
        <WaiverDecisionDialog
          waiver={open.waiver}
          onClose={() => setOpen(undefined)}
          onDone={decision =>
            done(
              t(decision === 'granted' ? 'queue.granted' : 'queue.rejected'),
            )()
          }
        />
      )}
    </Grid>
  );
}
