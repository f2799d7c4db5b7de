import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import type { EvaluationRun } from '@qaztech/plugin-security-readiness-common';
import { useEffect, useRef, useState } from 'react';
import { securityReadinessApiRef } from '../../api';
import { securityReadinessTranslationRef } from '../../translations';
import { Notice, errorMessage, percent } from '../shared';

const FINISHED: EvaluationRun['status'][] = ['succeeded', 'failed'];

/**
 * Queues an evaluation of every system (or joins the one queued or
 * running) and follows its progress until it finishes.
 */
export function EvaluateAllButton(props: {
  /** How often the run is polled. */
  pollIntervalMs: number;
  onFinished: () => void;
}) {
  const { t } = useTranslationRef(securityReadinessTranslationRef);
  const api = useApi(securityReadinessApiRef);
  const [run, setRun] = useState<EvaluationRun>();
  const [error, setError] = useState<unknown>();
  const onFinished = useRef(props.onFinished);
  onFinished.current = props.onFinished;
  const running = run !== undefined && !FINISHED.includes(run.status);
  const runId = run?.id;

  useEffect(() => {
    if (!running || !runId) {
      return undefined;
    }
    let cancelled = false;
    const timer = setTimeout(async () => {
      try {
        const next = await api.getRun(runId);
        if (cancelled) return;
        setRun(next);
        if (FINISHED.includes(next.status)) {
          onFinished.current();
        }
      } catch (e) {
        if (!cancelled) setError(e);
      }
    }, props.pollIntervalMs);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [api, run, running, runId, props.pollIntervalMs]);

  const start = async () => {
    setError(undefined);
    try {
      const started = await api.evaluate();
      setRun(started);
      if (FINISHED.includes(started.status)) {
        onFinished.current();
      }
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Box>
      <Button
        variant="contained"
        color="primary"
        disabled={running}
        onClick={start}
      >
        {t('dashboard.evaluateAll')}
      </Button>
      {run && running && (
        <Box mt={1} maxWidth={400}>
          <Typography variant="body2" role="status">
            {run.status === 'queued' || run.total === 0
              ? t('dashboard.runQueued')
              : t('dashboard.runProgress', {
                  done: String(run.done),
                  total: String(run.total),
                })}
          </Typography>
          <LinearProgress
            aria-label={t('dashboard.evaluateAll')}
            variant={run.total > 0 ? 'determinate' : 'indeterminate'}
            value={percent(run.done, run.total)}
          />
        </Box>
      )}
      {run?.status === 'succeeded' && (
        <Notice severity="success">
          {t('dashboard.runDone', {
            done: String(run.done),
            changed: String(run.changed),
          })}
        </Notice>
      )}
      {run?.status === 'failed' && (
        <Notice severity="error">
          {t('dashboard.runFailed', { error: run.error ?? '' })}
        </Notice>
      )}
      {error !== undefined && (
        <Notice severity="error">{errorMessage(error)}</Notice>
      )}
    </Box>
  );
}
