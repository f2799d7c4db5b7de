import {
  InfoCard,
  Link,
  LinkButton,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Container, Header } from '@backstage/ui';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type {
  ExemptionRequest,
  RequestAction,
  TransitionInput,
} from '@qaztech/plugin-moratorium-common';
import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { formatDateTime, formatDate } from '@qaztech/plugin-registry-common';
import { moratoriumApiRef } from '../../api';
import { moratoriumTranslationRef } from '../../translations';
import {
  DeadlineInfo,
  DefinitionList,
  Dossier,
  Notice,
  Row,
  SimilarSystemsList,
  StateChip,
  errorStatus,
  useMoratoriumLinks,
} from '../shared';
import { ActionDialog } from './ActionDialog';
import { createSystemLink } from './createSystemLink';
import { DecisionSection } from './DecisionSection';
import { HistoryTimeline } from './HistoryTimeline';
import { TallySummary, VotesTable } from './TallySection';
import { VotePanel } from './VotePanel';
import { DraftSection } from './DraftSection';

/** Actions that have their own place on the page rather than the action bar. */
const NOT_IN_ACTION_BAR: RequestAction[] = ['mark-condition'];

type Open = { action: RequestAction; conditionId?: string };
type PageNotice =
  | { kind: 'conflict' }
  | { kind: 'done'; action: RequestAction };

/** The request, loaded and replaced by what each change returns. */
function useRequest(id: string) {
  const api = useApi(moratoriumApiRef);
  const [state, setState] = useState<{
    request?: ExemptionRequest;
    error?: Error;
    loading: boolean;
  }>({ loading: true });

  const reload = useCallback(async () => {
    try {
      const request = await api.getRequest(id);
      setState({ request, loading: false });
    } catch (error) {
      setState({ error: error as Error, loading: false });
    }
  }, [api, id]);

  useEffect(() => {
    setState({ loading: true });
    reload();
  }, [reload]);

  const replace = (request: ExemptionRequest) =>
    setState({ request, loading: false });
  return { ...state, reload, replace };
}

/**
 * One exemption request: the dossier with similar systems and opinions, its
 * deadlines and history, the sitting, votes and tally, the decision with its
 * conditions, and a button for each action the caller may take now.
 */
export function RequestPage() {
  const { t } = useTranslationRef(moratoriumTranslationRef);
  const api = useApi(moratoriumApiRef);
  const links = useMoratoriumLinks();
  const { id = '' } = useParams();
  const { request, error, loading, reload, replace } = useRequest(id);
  const [open, setOpen] = useState<Open>();
  const [notice, setNotice] = useState<PageNotice>();

  if (loading) {
    return <Progress />;
  }
  if (error || !request) {
    return <ResponseErrorPanel error={error ?? new Error('not found')} />;
  }

  const runTransition = async (input: TransitionInput) => {
    setNotice(undefined);
    try {
      const updated = await api.transition(request.id, input, request.version);
      replace(updated);
      setNotice({ kind: 'done', action: input.action });
    } catch (e) {
      if (errorStatus(e) === 409) {
        // Someone else moved the request: show the fresh one, not an error.
        await reload();
        setNotice({ kind: 'conflict' });
        return;
      }
      throw e;
    }
  };

  const barActions = request.allowedActions.filter(
    a => !NOT_IN_ACTION_BAR.includes(a),
  );
  const canEdit =
    (request.state === 'draft' || request.state === 'info-requested') &&
    request.allowedActions.some(a => a === 'submit' || a === 'provide-info');

  return (
    <>
      <Header
        title={t('request.title', { number: request.number })}
        customActions={<Link to={links.root}>{t('request.back')}</Link>}
      />
      <Container>
        <Box display="flex" alignItems="center" gridGap={16} my={2}>
          <StateChip state={request.state} />
          {request.resumeState && request.state === 'info-requested' && (
            <Typography variant="body2" color="textSecondary">
              {t(`state.${request.resumeState}`)}
            </Typography>
          )}
        </Box>

        {notice?.kind === 'conflict' && (
          <Notice severity="error">{t('request.conflict')}</Notice>
        )}
        {notice?.kind === 'done' && (
          <Notice severity="success">
            {t('request.done', { action: t(`action.${notice.action}`) })}
          </Notice>
        )}

        <Box component="section" aria-label={t('request.actions')} mb={2}>
          <Box display="flex" gridGap={8} flexWrap="wrap" alignItems="center">
            {barActions.map(action => (
              <Button
                key={action}
                variant={action === 'withdraw' ? 'outlined' : 'contained'}
                color="primary"
                onClick={() => setOpen({ action })}
              >
                {t(`action.${action}`)}
              </Button>
            ))}
            {canEdit && (
              <LinkButton to={links.editRequest(request.id)} variant="outlined">
                {t('request.editDraft')}
              </LinkButton>
            )}
            {createSystemLink(request) && (
              <LinkButton
                to={createSystemLink(request)!}
                variant="contained"
                color="primary"
              >
                {t('request.createSystem')}
              </LinkButton>
            )}
            {barActions.length === 0 &&
              !canEdit &&
              !createSystemLink(request) && (
                <Typography variant="body2" color="textSecondary">
                  {t('request.noActions')}
                </Typography>
              )}
          </Box>
        </Box>

        <Grid container spacing={2}>
          <Grid item xs={12} md={8}>
            <InfoCard title={t('request.dossier')}>
              <DefinitionList>
                <Row term={t('request.applicant')}>
                  <EntityRefLink
                    entityRef={request.applicant}
                    defaultKind="user"
                  />
                </Row>
                {request.submittedAt && (
                  <Row term={t('request.submittedAt')}>
                    {formatDateTime(request.submittedAt)}
                  </Row>
                )}
                <Row term={t('request.created')}>
                  {formatDateTime(request.createdAt)}
                </Row>
              </DefinitionList>
              <Box mt={2}>
                <Dossier content={request.content} />
              </Box>
            </InfoCard>
            <Box mt={2}>
              <InfoCard title={t('request.similar')}>
                <SimilarSystemsList
                  items={request.similarSystems}
                  answers={Object.fromEntries(
                    (request.content.reuseAnswers ?? []).map(a => [
                      a.entityRef,
                      a.reason,
                    ]),
                  )}
                />
              </InfoCard>
            </Box>
            <Box mt={2}>
              <InfoCard title={t('request.opinions')}>
                {request.opinions.length === 0 ? (
                  <Typography variant="body2">
                    {t('request.noOpinions')}
                  </Typography>
                ) : (
                  request.opinions.map((opinion, index) => (
                    <Box key={index} mb={2}>
                      <Typography variant="subtitle2" component="h3">
                        {opinion.stage === 'platform-review'
                          ? t('request.platformOpinion', {
                              finding: t(`finding.${opinion.finding}`),
                            })
                          : t('request.ministryOpinion', {
                              recommendation: t(
                                `recommendation.${opinion.recommendation}`,
                              ),
                            })}
                      </Typography>
                      <Typography
                        variant="body2"
                        style={{ whiteSpace: 'pre-wrap' }}
                      >
                        {opinion.text}
                      </Typography>
                      {opinion.stale && (
                        <Typography variant="caption" color="error">
                          {t('draft.stale')}
                          {' · '}
                        </Typography>
                      )}
                      <Typography variant="caption" color="textSecondary">
                        {t('request.by', {
                          actor: opinion.by,
                          at: formatDateTime(opinion.at),
                        })}
                      </Typography>
                    </Box>
                  ))
                )}
              </InfoCard>
            </Box>
            {request.questions && (
              <Box mt={2}>
                <InfoCard title={t('request.questions')}>
                  <Typography style={{ whiteSpace: 'pre-wrap' }}>
                    {request.questions}
                  </Typography>
                </InfoCard>
              </Box>
            )}
            <Box mt={2}>
              <InfoCard title={t('request.decision')}>
                <DecisionSection
                  decision={request.decision}
                  deadlines={request.deadlines}
                  canMarkConditions={request.allowedActions.includes(
                    'mark-condition',
                  )}
                  onMarkCondition={conditionId =>
                    setOpen({ action: 'mark-condition', conditionId })
                  }
                />
              </InfoCard>
            </Box>
          </Grid>
          <Grid item xs={12} md={4}>
            <InfoCard title={t('request.deadlines')}>
              {request.deadlines.length === 0 ? (
                <Typography variant="body2">
                  {t('request.noDeadlines')}
                </Typography>
              ) : (
                // Stacked, not a two-column list: the side card is narrow and
                // a condition's text is long.
                <Box display="flex" flexDirection="column" gridGap={12}>
                  {request.deadlines.map(deadline => {
                    const condition = deadline.subject.startsWith('condition:')
                      ? request.decision?.conditions.find(
                          c => `condition:${c.id}` === deadline.subject,
                        )
                      : undefined;
                    const subject = deadline.subject.startsWith('condition:')
                      ? `${t('deadline.condition')}: ${
                          condition?.text ?? deadline.subject.slice(10)
                        }`
                      : t(
                          `state.${
                            deadline.subject as ExemptionRequest['state']
                          }`,
                        );
                    return (
                      <Box key={deadline.subject}>
                        <Typography variant="body2" color="textSecondary">
                          {subject}
                        </Typography>
                        <DeadlineInfo deadline={deadline} />
                      </Box>
                    );
                  })}
                </Box>
              )}
            </InfoCard>
            <Box mt={2}>
              <InfoCard title={t('request.sitting')}>
                {request.sitting ? (
                  <Link to={links.sitting(request.sitting.id)}>
                    {t('request.sittingOf', {
                      date: formatDate(request.sitting.date),
                    })}
                  </Link>
                ) : (
                  <Typography variant="body2">
                    {t('request.noSitting')}
                  </Typography>
                )}
              </InfoCard>
            </Box>
            {(request.sitting ||
              request.votes.length > 0 ||
              request.revocationProposal) && (
              <Box mt={2}>
                <InfoCard title={t('request.votes')}>
                  <DraftSection request={request} />
                  <TallySummary tally={request.tally} ballot={request.ballot} />
                  <Box mt={2}>
                    <VotesTable votes={request.votes} />
                  </Box>
                  <Box mt={2}>
                    <VotePanel request={request} onVoted={replace} />
                  </Box>
                </InfoCard>
              </Box>
            )}
            <Box mt={2}>
              <InfoCard title={t('request.history')}>
                <HistoryTimeline history={request.history} />
              </InfoCard>
            </Box>
          </Grid>
        </Grid>
      </Container>

      {open && (
        <ActionDialog
          key={`${open.action}-${open.conditionId ?? ''}`}
          action={open.action}
          conditionId={open.conditionId}
          request={request}
          onClose={() => setOpen(undefined)}
          onSubmit={runTransition}
        />
      )}
    </>
  );
}
