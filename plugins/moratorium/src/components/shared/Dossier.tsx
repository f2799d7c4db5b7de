import { Link } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { RequestContent } from '@qaztech/plugin-moratorium-common';
import { ReactNode } from 'react';
import { moratoriumTranslationRef } from '../../translations';
import { SystemLabel } from './SystemLabel';

const useStyles = makeStyles(theme => ({
  list: {
    display: 'grid',
    gridTemplateColumns: 'minmax(10rem, max-content) 1fr',
    columnGap: theme.spacing(2),
    rowGap: theme.spacing(1),
    margin: 0,
  },
  term: {
    color: theme.palette.text.secondary,
    fontWeight: 500,
  },
  value: {
    margin: 0,
    overflowWrap: 'anywhere',
    whiteSpace: 'pre-wrap',
  },
  plainList: {
    margin: 0,
    paddingLeft: theme.spacing(2),
  },
  hash: {
    fontFamily: 'monospace',
    fontSize: '0.8em',
  },
}));

/** One term and its value in a definition list. */
export function Row(props: { term: string; children: ReactNode }) {
  const classes = useStyles();
  return (
    <>
      <Typography component="dt" variant="body2" className={classes.term}>
        {props.term}
      </Typography>
      <Typography component="dd" variant="body2" className={classes.value}>
        {props.children}
      </Typography>
    </>
  );
}

/** A definition list laid out as two columns. */
export function DefinitionList(props: { children: ReactNode }) {
  const classes = useStyles();
  return (
    <Box component="dl" className={classes.list}>
      {props.children}
    </Box>
  );
}

/** Everything an applicant put in a request, as reviewers read it. */
export function Dossier(props: { content: RequestContent }) {
  const { t } = useTranslationRef(moratoriumTranslationRef);
  const classes = useStyles();
  const { content } = props;
  const none = t('request.none');
  return (
    <DefinitionList>
      <Row term={t('field.system')}>
        <SystemLabel system={content.system} />
      </Row>
      <Row term={t('field.stateBodyRef')}>
        {content.stateBodyRef ? (
          <EntityRefLink entityRef={content.stateBodyRef} defaultKind="group" />
        ) : (
          none
        )}
      </Row>
      <Row term={t('field.purpose')}>{content.purpose || none}</Row>
      <Row term={t('field.capabilityGaps')}>
        {content.capabilityGaps?.length ? (
          <ol className={classes.plainList}>
            {content.capabilityGaps.map((gap, index) => (
              <li key={index}>
                <strong>{gap.capability}</strong>
                {gap.reason ? ` — ${gap.reason}` : ''}
              </li>
            ))}
          </ol>
        ) : (
          none
        )}
      </Row>
      <Row term={t('field.amountKzt')}>
        {content.cost
          ? new Intl.NumberFormat('ru-RU').format(content.cost.amountKzt)
          : none}
      </Row>
      <Row term={t('field.budgetProgramme')}>
        {content.cost?.budgetProgramme || none}
      </Row>
      <Row term={t('field.dataCategories')}>
        {content.dataCategories?.length
          ? content.dataCategories
              .map(category => t(`dataCategory.${category}`))
              .join(', ')
          : none}
      </Row>
      <Row term={t('field.hosting')}>
        {content.hosting
          ? [
              t(`hostingKind.${content.hosting.kind}`),
              content.hosting.country,
              content.hosting.provider,
            ]
              .filter(Boolean)
              .join(', ')
          : none}
      </Row>
      <Row term={t('field.securityPlan')}>{content.securityPlan || none}</Row>
      <Row term={t('field.exitPlan')}>{content.exitPlan || none}</Row>
      <Row term={t('field.attachments')}>
        {content.attachments?.length ? (
          <ul className={classes.plainList}>
            {content.attachments.map((attachment, index) => (
              <li key={index}>
                <Link to={attachment.url} target="_blank" rel="noopener">
                  {attachment.title || attachment.url}
                </Link>{' '}
                <span className={classes.hash}>
                  {t('field.attachmentSha256')} {attachment.sha256}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          none
        )}
      </Row>
    </DefinitionList>
  );
}
