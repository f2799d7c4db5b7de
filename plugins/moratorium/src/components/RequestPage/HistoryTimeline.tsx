import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type {
  DecisionOutcome,
  HistoryEntry,
  MinistryRecommendation,
  PlatformFinding,
  VoteChoice,
} from '@qaztech/plugin-moratorium-common';
import { formatDateTime } from '@qaztech/plugin-registry-common';
import { moratoriumTranslationRef } from '../../translations';

/** The actor of the moratorium backend's scheduled task in the history. */
const SYSTEM_ACTOR = 'system:moratorium';

const useStyles = makeStyles(theme => ({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    borderLeft: `2px solid ${theme.palette.divider}`,
  },
  item: {
    position: 'relative',
    padding: theme.spacing(0, 0, 2, 2),
    '&::before': {
      content: '""',
      position: 'absolute',
      left: -7,
      top: 4,
      width: 12,
      height: 12,
      borderRadius: '50%',
      backgroundColor: theme.palette.primary.main,
    },
  },
  detail: {
    whiteSpace: 'pre-wrap',
  },
}));

/** The request's history, oldest first: who did what, when, and with what. */
export function HistoryTimeline(props: { history: HistoryEntry[] }) {
  const { t } = useTranslationRef(moratoriumTranslationRef);
  const classes = useStyles();

  /** A detail a person can read: labelled and translated where known. */
  const detail = (key: string, value: unknown): string | undefined => {
    if (typeof value !== 'string' && typeof value !== 'number') {
      return undefined;
    }
    const v = String(value);
    switch (key) {
      case 'reason':
        return `${t('dialog.reason')}: ${v}`;
      case 'questions':
        return `${t('dialog.questions')}: ${v}`;
      case 'answer':
        return `${t('dialog.answer')}: ${v}`;
      case 'text':
        return `${t('dialog.text')}: ${v}`;
      case 'finding':
        return t(`finding.${v as PlatformFinding}`);
      case 'recommendation':
        return t(`recommendation.${v as MinistryRecommendation}`);
      case 'outcome':
        return t(`outcome.${v as DecisionOutcome}`);
      case 'protocolNumber':
        return `${t('dialog.protocolNumber')}: ${v}`;
      case 'sittingDate':
        return `${t('dialog.sittingDate')}: ${v}`;
      case 'expiresAt':
        return `${t('dialog.expiresAt')}: ${v}`;
      case 'choice':
        return t(`choice.${v as VoteChoice}`);
      case 'opinion':
        return `${t('request.opinion')}: ${v}`;
      case 'evidence':
        return `${t('dialog.evidence')}: ${v}`;
      case 'systemLeftCatalog':
        return t('history.systemLeftCatalog', { system: v });
      case 'missingSince':
        return t('history.missingSince', { date: formatDateTime(v) });
      default:
        return undefined;
    }
  };

  /** Who did it: a person (linked), or the moratorium's scheduled task. */
  const actorOf = (actor: string) => {
    if (actor === SYSTEM_ACTOR) {
      return t('history.systemActor');
    }
    return actor.includes(':') ? (
      <EntityRefLink entityRef={actor} defaultKind="user" />
    ) : (
      actor
    );
  };

  return (
    <ol className={classes.list} aria-label={t('request.history')}>
      {props.history.map((entry, index) => (
        <li key={index} className={classes.item}>
          <Typography variant="body2" color="textSecondary">
            {formatDateTime(entry.at)} · {actorOf(entry.actor)}
          </Typography>
          <Typography variant="body1">
            <strong>{t(`action.${entry.action}`)}</strong>
            {entry.from && entry.to && entry.from !== entry.to && (
              <>
                {' '}
                {t('history.transition', {
                  from: t(`state.${entry.from}`),
                  to: t(`state.${entry.to}`),
                })}
              </>
            )}
          </Typography>
          {entry.details && (
            <Box>
              {Object.entries(entry.details)
                .map(([key, value]) => detail(key, value))
                .filter(Boolean)
                .map((line, i) => (
                  <Typography
                    key={i}
                    variant="body2"
                    className={classes.detail}
                  >
                    {line}
                  </Typography>
                ))}
            </Box>
          )}
        </li>
      ))}
    </ol>
  );
}
