import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type {
  BallotSummary,
  Vote,
  VoteTally,
} from '@qaztech/plugin-moratorium-common';
import { formatDateTime } from '@qaztech/plugin-registry-common';
import { moratoriumTranslationRef } from '../../translations';
import { DefinitionList, Row } from '../shared';

/**
 * The count of votes: quorum, for/against/abstain/recused, supported
 * outcomes. While the ballot is secret (before the decision) only how many
 * members have voted.
 */
export function TallySummary(props: {
  tally?: VoteTally;
  ballot?: BallotSummary;
}) {
  const { t } = useTranslationRef(moratoriumTranslationRef);
  const { tally, ballot } = props;
  if (!tally && ballot) {
    return (
      <>
        <Typography variant="body2">
          {t('votePanel.ballot', {
            cast: String(ballot.votesCast),
            eligible: String(ballot.eligible),
          })}
        </Typography>
        {ballot.secret && (
          <Typography variant="caption" color="textSecondary">
            {t('votePanel.secret')}
          </Typography>
        )}
      </>
    );
  }
  if (!tally) {
    return <Typography variant="body2">{t('request.noVotes')}</Typography>;
  }
  const cast = tally.for + tally.against + tally.abstain;
  return (
    <DefinitionList>
      <Row
        term={t('request.quorum', {
          votes: String(cast),
          needed: String(tally.quorum),
          eligible: String(tally.eligible),
        })}
      >
        <Chip
          size="small"
          label={
            tally.quorumReached
              ? t('request.quorumReached')
              : t('request.noQuorum')
          }
          style={{
            backgroundColor: tally.quorumReached ? '#2e7d32' : '#ef6c00',
            color: '#fff',
          }}
        />
      </Row>
      <Row term={t('choice.for')}>{tally.for}</Row>
      <Row term={t('choice.against')}>{tally.against}</Row>
      <Row term={t('choice.abstain')}>{tally.abstain}</Row>
      <Row term={t('choice.recuse')}>{tally.recused}</Row>
      <Row term={t('request.supported')}>
        <Box component="span" display="inline-flex" gridGap={4} flexWrap="wrap">
          {tally.supportedOutcomes.map(outcome => (
            <Chip key={outcome} size="small" label={t(`outcome.${outcome}`)} />
          ))}
        </Box>
      </Row>
    </DefinitionList>
  );
}

/** Each member's vote and opinion. */
export function VotesTable(props: { votes: Vote[] }) {
  const { t } = useTranslationRef(moratoriumTranslationRef);
  if (props.votes.length === 0) {
    return <Typography variant="body2">{t('request.noVotes')}</Typography>;
  }
  return (
    <Table size="small" aria-label={t('request.votes')}>
      <TableHead>
        <TableRow>
          <TableCell>{t('request.member')}</TableCell>
          <TableCell>{t('request.vote')}</TableCell>
          <TableCell>{t('request.opinion')}</TableCell>
          <TableCell>{t('request.at')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.votes.map(vote => (
          <TableRow key={vote.member}>
            <TableCell>
              <EntityRefLink entityRef={vote.member} defaultKind="user" />
            </TableCell>
            <TableCell>{t(`choice.${vote.choice}`)}</TableCell>
            <TableCell style={{ whiteSpace: 'pre-wrap' }}>
              {vote.opinion ?? ''}
            </TableCell>
            <TableCell>{formatDateTime(vote.at)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
