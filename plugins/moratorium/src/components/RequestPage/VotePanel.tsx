import {
  identityApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormLabel from '@material-ui/core/FormLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  ExemptionRequest,
  VOTE_CHOICES,
  VoteChoice,
  moratoriumVoteCastPermission,
} from '@qaztech/plugin-moratorium-common';
import { useEffect, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { moratoriumApiRef } from '../../api';
import { moratoriumTranslationRef } from '../../translations';
import { Notice, errorMessage } from '../shared';
import { DraftTerms } from './DraftSection';

/**
 * The signed-in member's vote on a request on the agenda: for, against,
 * abstain or recuse, with an opinion. Shown only to those allowed to vote;
 * the applicant and members of the applicant's state body are told why they
 * cannot.
 */
export function VotePanel(props: {
  request: ExemptionRequest;
  onVoted: (request: ExemptionRequest) => void;
}) {
  const { t } = useTranslationRef(moratoriumTranslationRef);
  const api = useApi(moratoriumApiRef);
  const identityApi = useApi(identityApiRef);
  const { request } = props;
  const permission = usePermission({
    permission: moratoriumVoteCastPermission,
  });
  const identity = useAsync(
    () => identityApi.getBackstageIdentity(),
    [identityApi],
  );
  const me = identity.value?.userEntityRef;
  // Before the decision the server sends only the caller's own vote, of
  // the current round.
  const mine = request.votes.find(
    v =>
      v.member === me &&
      (v.round === undefined || v.round === request.ballot?.round),
  );
  const [choice, setChoice] = useState<VoteChoice | ''>(mine?.choice ?? '');
  const [opinion, setOpinion] = useState(mine?.opinion ?? '');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: true } | { error: unknown }>();
  useEffect(() => {
    if (mine) {
      setChoice(mine.choice);
      setOpinion(mine.opinion ?? '');
    }
  }, [mine]);

  if (
    request.state !== 'on-agenda' ||
    permission.loading ||
    !permission.allowed ||
    identity.loading
  ) {
    return null;
  }
  const stateBody = request.content.stateBodyRef;
  const conflicted =
    me === request.applicant ||
    (stateBody !== undefined &&
      (identity.value?.ownershipEntityRefs ?? []).includes(stateBody));

  const onCast = async () => {
    if (!choice) {
      return;
    }
    setBusy(true);
    setResult(undefined);
    try {
      const updated = await api.vote(request.id, {
        choice,
        opinion: opinion.trim() || undefined,
      });
      props.onVoted(updated);
      setResult({ ok: true });
    } catch (error) {
      setResult({ error });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box component="section" aria-label={t('votePanel.title')}>
      <Typography variant="h6" component="h2" gutterBottom>
        {t('votePanel.title')}
      </Typography>
      {conflicted && <Typography>{t('votePanel.conflicted')}</Typography>}
      {!conflicted && !request.draftDecision && (
        <Typography>{t('votePanel.noDraft')}</Typography>
      )}
      {!conflicted && request.draftDecision && (
        <Box display="flex" flexDirection="column" gridGap={12}>
          <Typography variant="subtitle2" component="h3">
            {t('votePanel.draft')}
          </Typography>
          <DraftTerms draft={request.draftDecision} />
          {request.ballot && (
            <Typography variant="body2">
              {t('votePanel.ballot', {
                cast: String(request.ballot.votesCast),
                eligible: String(request.ballot.eligible),
              })}
            </Typography>
          )}
          {mine && (
            <Typography>
              {t('votePanel.current', { choice: t(`choice.${mine.choice}`) })}
            </Typography>
          )}
          <FormControl component="fieldset">
            <FormLabel component="legend">{t('votePanel.choice')}</FormLabel>
            <RadioGroup
              row
              aria-label={t('votePanel.choice')}
              value={choice}
              onChange={e => setChoice(e.target.value as VoteChoice)}
            >
              {VOTE_CHOICES.map(c => (
                <FormControlLabel
                  key={c}
                  value={c}
                  control={<Radio color="primary" />}
                  label={t(`choice.${c}`)}
                />
              ))}
            </RadioGroup>
          </FormControl>
          <TextField
            id="moratorium-vote-opinion"
            label={t('votePanel.opinion')}
            value={opinion}
            onChange={e => setOpinion(e.target.value)}
            multiline
            minRows={2}
            fullWidth
            variant="outlined"
          />
          <Box>
            <Button
              variant="contained"
              color="primary"
              disabled={!choice || busy}
              onClick={onCast}
            >
              {t('votePanel.cast')}
            </Button>
          </Box>
          {result && 'ok' in result && (
            <Notice severity="success">{t('votePanel.recorded')}</Notice>
          )}
          {result && 'error' in result && (
            <Notice severity="error">{errorMessage(result.error)}</Notice>
          )}
        </Box>
      )}
    </Box>
  );
}
