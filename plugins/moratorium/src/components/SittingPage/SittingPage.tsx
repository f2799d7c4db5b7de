import {
  InfoCard,
  Link,
  LinkButton,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { Container, Header } from '@backstage/ui';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type {
  ExemptionRequest,
  ExemptionRequestSummary,
} from '@qaztech/plugin-moratorium-common';
import { useParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { formatDate } from '@qaztech/plugin-registry-common';
import { moratoriumApiRef } from '../../api';
import { moratoriumTranslationRef } from '../../translations';
import {
  DefinitionList,
  Row,
  StateChip,
  SystemLabel,
  useMoratoriumLinks,
} from '../shared';
import { TallySummary } from '../RequestPage/TallySection';

/** One item of the agenda: the dossier in brief and the tally so far. */
function AgendaItem(props: {
  summary: ExemptionRequestSummary;
  request?: ExemptionRequest;
  error?: Error;
}) {
  const { t } = useTranslationRef(moratoriumTranslationRef);
  const links = useMoratoriumLinks();
  const { summary, request } = props;
  return (
    <InfoCard
      title={
        <Box display="flex" alignItems="center" gridGap={12}>
          <Link to={links.request(summary.id)}>{summary.number}</Link>
          <StateChip state={summary.state} />
        </Box>
      }
    >
      {props.error && <ResponseErrorPanel error={props.error} />}
      <DefinitionList>
        <Row term={t('field.system')}>
          <SystemLabel system={request?.content.system ?? summary.system} />
        </Row>
        {request && (
          <>
            <Row term={t('field.purpose')}>
              {request.content.purpose ?? t('request.none')}
            </Row>
            <Row term={t('field.capabilityGaps')}>
              {request.content.capabilityGaps?.length
                ? request.content.capabilityGaps
                    .map(g => g.capability)
                    .join('; ')
                : t('request.none')}
            </Row>
            <Row term={t('request.similar')}>
              {request.similarSystems.length}
            </Row>
            <Row term={t('request.opinions')}>
              {request.opinions.length === 0
                ? t('request.noOpinions')
                : request.opinions
                    .map(o =>
                      o.stage === 'platform-review'
                        ? t('request.platformOpinion', {
                            finding: t(`finding.${o.finding}`),
                          })
                        : t('request.ministryOpinion', {
                            recommendation: t(
                              `recommendation.${o.recommendation}`,
                            ),
                          }),
                    )
                    .join('; ')}
            </Row>
          </>
        )}
      </DefinitionList>
      {request && (
        <Box mt={2}>
          <Typography variant="subtitle2" component="h3">
            {t('request.tally')}
          </Typography>
          <TallySummary tally={request.tally} />
        </Box>
      )}
      <Box mt={2}>
        <LinkButton
          to={links.request(summary.id)}
          variant="outlined"
          color="primary"
          aria-label={`${t('sitting.openRequest')}: ${summary.number}`}
        >
          {t('sitting.openRequest')}
        </LinkButton>
      </Box>
    </InfoCard>
  );
}

/**
 * A sitting of the commission: its agenda, each request with its dossier in
 * brief and the tally, and the way to the full dossier to vote.
 */
export function SittingPage() {
  const { t } = useTranslationRef(moratoriumTranslationRef);
  const api = useApi(moratoriumApiRef);
  const links = useMoratoriumLinks();
  const { id = '' } = useParams();
  const sitting = useAsync(async () => {
    const found = await api.getSitting(id);
    const details = await Promise.allSettled(
      found.requests.map(r => api.getRequest(r.id)),
    );
    return { sitting: found, details };
  }, [api, id]);

  if (sitting.loading) {
    return <Progress />;
  }
  if (sitting.error || !sitting.value) {
    return <ResponseErrorPanel error={sitting.error ?? new Error(id)} />;
  }
  const { sitting: found, details } = sitting.value;
  return (
    <>
      <Header
        title={t('sitting.title', { date: formatDate(found.date) })}
        customActions={
          <Link to={links.tab('sittings')}>{t('tabs.sittings')}</Link>
        }
      />
      <Container>
        <Typography variant="h5" component="h2" gutterBottom>
          {t('sitting.agenda')}
        </Typography>
        {found.requests.length === 0 && (
          <Typography>{t('sitting.empty')}</Typography>
        )}
        {found.requests.map((summary, index) => {
          const detail = details[index];
          return (
            <Box key={summary.id} mb={2}>
              <AgendaItem
                summary={summary}
                request={
                  detail.status === 'fulfilled' ? detail.value : undefined
                }
                error={
                  detail.status === 'rejected'
                    ? (detail.reason as Error)
                    : undefined
                }
              />
            </Box>
          );
        })}
      </Container>
    </>
  );
}
