import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormLabel from '@material-ui/core/FormLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';
import type {
  AttestationEvidence,
  AttestationResult,
  CreateAttestationRequest,
} from '@qaztech/plugin-security-readiness-common';
import { useState } from 'react';
import { todayInAlmaty } from '@qaztech/plugin-registry-common';
import { securityReadinessApiRef } from '../../api';
import { securityReadinessTranslationRef } from '../../translations';
import { FormDialog, endOfDay } from '../shared';

const SHA256 = /^[0-9a-f]{64}$/i;

type Mode = 'pass' | 'fail' | 'score';

/** The result the officer chose, or undefined while the score is not 0–10. */
function toResult(mode: Mode, score: string): AttestationResult | undefined {
  if (mode !== 'score') {
    return mode;
  }
  const value = Number(score.replace(',', '.'));
  return score.trim() !== '' &&
    Number.isFinite(value) &&
    value >= 0 &&
    value <= 10
    ? value
    : undefined;
}

/**
 * A security officer attests one check of one system: the result (pass,
 * fail or a score 0–10), the evidence (link, SHA-256 of the document,
 * notes, the date the activity took place) and, optionally, an expiry
 * earlier than the check's default.
 */
export function AttestDialog(props: {
  systemRef: string;
  checkId: string;
  checkTitle: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslationRef(securityReadinessTranslationRef);
  const api = useApi(securityReadinessApiRef);
  const [mode, setMode] = useState<Mode>('pass');
  const [score, setScore] = useState('');
  const [url, setUrl] = useState('');
  const [sha256, setSha256] = useState('');
  const [notes, setNotes] = useState('');
  const [performedOn, setPerformedOn] = useState('');
  const [expiresOn, setExpiresOn] = useState('');

  const result = toResult(mode, score);
  const shaValid = sha256.trim() === '' || SHA256.test(sha256.trim());
  const hasEvidence = url.trim() !== '' || notes.trim() !== '';
  const canSubmit = result !== undefined && shaValid && hasEvidence;

  const submit = async () => {
    const evidence: AttestationEvidence = {};
    if (url.trim()) evidence.url = url.trim();
    if (sha256.trim()) evidence.sha256 = sha256.trim().toLowerCase();
    if (notes.trim()) evidence.notes = notes.trim();
    if (performedOn) evidence.performedOn = performedOn;
    const request: CreateAttestationRequest = {
      systemRef: props.systemRef,
      checkId: props.checkId,
      result: result!,
      evidence,
      ...(expiresOn ? { expiresAt: endOfDay(expiresOn) } : {}),
    };
    await api.createAttestation(request);
    props.onDone();
  };

  return (
    <FormDialog
      title={t('dialog.attestTitle', { check: props.checkTitle })}
      canSubmit={canSubmit}
      onClose={props.onClose}
      onSubmit={submit}
    >
      <FormControl component="fieldset">
        <FormLabel component="legend">{t('dialog.result')}</FormLabel>
        <RadioGroup
          value={mode}
          onChange={e => setMode(e.target.value as Mode)}
        >
          <FormControlLabel
            value="pass"
            control={<Radio />}
            label={t('dialog.resultPass')}
          />
          <FormControlLabel
            value="fail"
            control={<Radio />}
            label={t('dialog.resultFail')}
          />
          <FormControlLabel
            value="score"
            control={<Radio />}
            label={t('dialog.resultScore')}
          />
        </RadioGroup>
      </FormControl>
      {mode === 'score' && (
        <TextField
          id="security-readiness-attest-score"
          label={t('dialog.score')}
          value={score}
          onChange={e => setScore(e.target.value)}
          type="number"
          inputProps={{ min: 0, max: 10, step: 0.5 }}
          error={score !== '' && result === undefined}
          helperText={
            score !== '' && result === undefined
              ? t('dialog.scoreInvalid')
              : undefined
          }
          required
          variant="outlined"
        />
      )}
      <TextField
        id="security-readiness-attest-url"
        label={t('dialog.evidenceUrl')}
        value={url}
        onChange={e => setUrl(e.target.value)}
        type="url"
        fullWidth
        variant="outlined"
      />
      <TextField
        id="security-readiness-attest-sha256"
        label={t('dialog.evidenceSha256')}
        value={sha256}
        onChange={e => setSha256(e.target.value)}
        error={!shaValid}
        helperText={shaValid ? undefined : t('dialog.sha256Invalid')}
        fullWidth
        variant="outlined"
        inputProps={{ spellCheck: false }}
      />
      <TextField
        id="security-readiness-attest-notes"
        label={t('dialog.notes')}
        value={notes}
        onChange={e => setNotes(e.target.value)}
        multiline
        minRows={3}
        fullWidth
        variant="outlined"
      />
      <TextField
        id="security-readiness-attest-performed-on"
        label={t('dialog.performedOn')}
        value={performedOn}
        onChange={e => setPerformedOn(e.target.value)}
        type="date"
        InputLabelProps={{ shrink: true }}
        inputProps={{ max: todayInAlmaty() }}
        variant="outlined"
      />
      <TextField
        id="security-readiness-attest-expires"
        label={t('dialog.expiresAt')}
        value={expiresOn}
        onChange={e => setExpiresOn(e.target.value)}
        type="date"
        InputLabelProps={{ shrink: true }}
        inputProps={{ min: todayInAlmaty() }}
        helperText={t('dialog.expiresAtHint')}
        variant="outlined"
      />
    </FormDialog>
  );
}
