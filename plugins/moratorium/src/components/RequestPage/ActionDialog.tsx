import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import IconButton from '@material-ui/core/IconButton';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import DeleteIcon from '@material-ui/icons/Delete';
import {
  DRAFT_OUTCOMES,
  DecisionOutcome,
  ExemptionRequest,
  MINISTRY_RECOMMENDATIONS,
  MinistryRecommendation,
  PLATFORM_FINDINGS,
  PlatformFinding,
  RequestAction,
  TransitionInput,
} from '@qaztech/plugin-moratorium-common';
import { ReactNode, useState } from 'react';
import { moratoriumTranslationRef } from '../../translations';
import { MissingItems, Notice, errorMessage, errorStatus } from '../shared';
import { DraftTerms } from './DraftSection';

/** The actions that open a dialog: all of them; `mark-condition` per condition. */
type DialogAction = RequestAction;

type Fields = {
  reason: string;
  finding: PlatformFinding | '';
  text: string;
  questions: string;
  answer: string;
  sittingDate: string;
  recommendation: MinistryRecommendation | '';
  ministryText: string;
  outcome: DecisionOutcome | '';
  protocolNumber: string;
  expiresAt: string;
  reasons: string;
  conditions: { text: string; dueDate: string }[];
  evidence: string;
};

/**
 * The outcomes a decision may record: the draft the members voted on, or a
 * deferral.
 */
function decisionOutcomes(request: ExemptionRequest): DecisionOutcome[] {
  return request.draftDecision
    ? [request.draftDecision.outcome, 'deferred']
    : ['deferred'];
}

function initialFields(request: ExemptionRequest): Fields {
  const supported = decisionOutcomes(request);
  return {
    reason: '',
    finding: '',
    text: '',
    questions: '',
    answer: '',
    sittingDate: request.sitting?.date ?? '',
    recommendation: '',
    ministryText: '',
    outcome: supported.length === 1 ? supported[0] : '',
    protocolNumber: '',
    expiresAt: '',
    reasons: '',
    conditions: [{ text: '', dueDate: '' }],
    evidence: '',
  };
}

/** The input the action needs, or undefined while a required field is empty. */
function toInput(
  action: DialogAction,
  f: Fields,
  request: ExemptionRequest,
  conditionId?: string,
): TransitionInput | undefined {
  const has = (value: string) => value.trim() !== '';
  switch (action) {
    case 'submit':
    case 'accept':
    case 'expire':
      return { action };
    case 'return':
      return has(f.reason) ? { action, reason: f.reason.trim() } : undefined;
    case 'revoke':
    case 'propose-revocation':
      return has(f.reason) ? { action, reason: f.reason.trim() } : undefined;
    case 'withdraw':
      return has(f.reason) ? { action, reason: f.reason.trim() } : { action };
    case 'complete-platform-review':
      return f.finding && has(f.text)
        ? { action, finding: f.finding, text: f.text.trim() }
        : undefined;
    case 'request-info':
      return has(f.questions)
        ? { action, questions: f.questions.trim() }
        : undefined;
    case 'provide-info':
      return has(f.answer) ? { action, answer: f.answer.trim() } : undefined;
    case 'set-agenda': {
      if (!has(f.sittingDate)) {
        return undefined;
      }
      if (request.state === 'ministry-review') {
        return f.recommendation && has(f.ministryText)
          ? {
              action,
              sittingDate: f.sittingDate,
              ministryOpinion: {
                recommendation: f.recommendation,
                text: f.ministryText.trim(),
              },
            }
          : undefined;
      }
      return { action, sittingDate: f.sittingDate };
    }
    case 'decide':
      // The terms are the voted draft's: the server takes them from it.
      return f.outcome && has(f.protocolNumber) && has(f.sittingDate)
        ? {
            action,
            outcome: f.outcome,
            protocolNumber: f.protocolNumber.trim(),
            sittingDate: f.sittingDate,
          }
        : undefined;
    case 'propose-decision': {
      if (!f.outcome || f.outcome === 'deferred') {
        return undefined;
      }
      const approval =
        f.outcome === 'approved' || f.outcome === 'approved-with-conditions';
      if (approval && !has(f.expiresAt)) {
        return undefined;
      }
      if (f.outcome === 'rejected' && !has(f.reasons)) {
        return undefined;
      }
      const conditions = f.conditions
        .map(c => ({ text: c.text.trim(), dueDate: c.dueDate }))
        .filter(c => c.text || c.dueDate);
      if (f.outcome === 'approved-with-conditions') {
        if (
          conditions.length === 0 ||
          conditions.some(c => !c.text || !c.dueDate)
        ) {
          return undefined;
        }
      }
      return {
        action,
        outcome: f.outcome,
        ...(has(f.reasons) ? { reasons: f.reasons.trim() } : {}),
        ...(approval ? { expiresAt: f.expiresAt } : {}),
        ...(f.outcome === 'approved-with-conditions' ? { conditions } : {}),
      };
    }
    case 'mark-condition':
      return conditionId && has(f.evidence)
        ? {
            action,
            conditionId,
            status: 'met',
            evidence: f.evidence.trim(),
          }
        : undefined;
    default:
      return undefined;
  }
}

/**
 * A small dialog with what one action needs: a reason, a finding, the
 * questions, a sitting date and the ministry's opinion, or the decision with
 * its conditions. Confirm stays disabled until the required fields are in;
 * the server's message is shown when it refuses.
 */
export function ActionDialog(props: {
  action: DialogAction;
  request: ExemptionRequest;
  conditionId?: string;
  onClose: () => void;
  /** Runs the transition; resolves when the dialog may close. */
  onSubmit: (input: TransitionInput) => Promise<void>;
}) {
  const { t } = useTranslationRef(moratoriumTranslationRef);
  const { action, request } = props;
  const [fields, setFields] = useState<Fields>(() => initialFields(request));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const set = (patch: Partial<Fields>) =>
    setFields(current => ({ ...current, ...patch }));
  const input = toInput(action, fields, request, props.conditionId);
  const titleId = `moratorium-action-${action}-title`;

  const onConfirm = async () => {
    if (!input) {
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await props.onSubmit(input);
      props.onClose();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  const textField = (
    key: keyof Fields,
    label: string,
    options: { required?: boolean; multiline?: boolean; type?: string } = {},
  ): ReactNode => (
    <TextField
      id={`moratorium-action-${action}-${key}`}
      label={label}
      value={fields[key] as string}
      onChange={e => set({ [key]: e.target.value } as Partial<Fields>)}
      required={options.required}
      multiline={options.multiline}
      minRows={options.multiline ? 3 : undefined}
      type={options.type}
      InputLabelProps={options.type === 'date' ? { shrink: true } : undefined}
      fullWidth
      variant="outlined"
    />
  );

  const select = (
    key: keyof Fields,
    label: string,
    values: readonly string[],
    labelOf: (value: string) => string,
  ): ReactNode => (
    <TextField
      select
      id={`moratorium-action-${action}-${key}`}
      label={label}
      value={fields[key] as string}
      onChange={e => set({ [key]: e.target.value } as Partial<Fields>)}
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true }}
      required
      fullWidth
      variant="outlined"
    >
      <option value="" />
      {values.map(value => (
        <option key={value} value={value}>
          {labelOf(value)}
        </option>
      ))}
    </TextField>
  );

  const supported = decisionOutcomes(request);
  const draft = request.draftDecision;
  const approval =
    fields.outcome === 'approved' ||
    fields.outcome === 'approved-with-conditions';
  const condition = request.decision?.conditions.find(
    c => c.id === props.conditionId,
  );

  let body: ReactNode = null;
  switch (action) {
    case 'submit':
      body = <Typography>{t('dialog.submitConfirm')}</Typography>;
      break;
    case 'accept':
      body = <Typography>{t('dialog.acceptConfirm')}</Typography>;
      break;
    case 'withdraw':
      body = (
        <>
          <Typography>{t('dialog.withdrawConfirm')}</Typography>
          {textField('reason', t('dialog.reason'), { multiline: true })}
        </>
      );
      break;
    case 'return':
    case 'propose-revocation':
      body = textField('reason', t('dialog.reason'), {
        required: true,
        multiline: true,
      });
      break;
    case 'revoke':
      body = (
        <>
          {request.revocationProposal && (
            <Typography>
              {t('dialog.revokeConfirm', {
                by: request.revocationProposal.proposedBy,
                reason: request.revocationProposal.reason,
              })}
            </Typography>
          )}
          {textField('reason', t('dialog.reason'), {
            required: true,
            multiline: true,
          })}
        </>
      );
      break;
    case 'complete-platform-review':
      body = (
        <>
          {select('finding', t('dialog.finding'), PLATFORM_FINDINGS, v =>
            t(`finding.${v as PlatformFinding}`),
          )}
          {textField('text', t('dialog.text'), {
            required: true,
            multiline: true,
          })}
        </>
      );
      break;
    case 'request-info':
      body = textField('questions', t('dialog.questions'), {
        required: true,
        multiline: true,
      });
      break;
    case 'provide-info':
      body = (
        <>
          {request.questions && (
            <Typography style={{ whiteSpace: 'pre-wrap' }}>
              {request.questions}
            </Typography>
          )}
          {textField('answer', t('dialog.answer'), {
            required: true,
            multiline: true,
          })}
        </>
      );
      break;
    case 'set-agenda':
      body = (
        <>
          {textField('sittingDate', t('dialog.sittingDate'), {
            required: true,
            type: 'date',
          })}
          {request.state === 'ministry-review' && (
            <>
              {select(
                'recommendation',
                t('dialog.recommendation'),
                MINISTRY_RECOMMENDATIONS,
                v => t(`recommendation.${v as MinistryRecommendation}`),
              )}
              {textField('ministryText', t('dialog.ministryText'), {
                required: true,
                multiline: true,
              })}
            </>
          )}
        </>
      );
      break;
    case 'decide':
      body = (
        <>
          {select('outcome', t('dialog.outcome'), supported, v =>
            t(`outcome.${v as DecisionOutcome}`),
          )}
          {textField('protocolNumber', t('dialog.protocolNumber'), {
            required: true,
          })}
          {textField('sittingDate', t('dialog.sittingDate'), {
            required: true,
            type: 'date',
          })}
          {draft && fields.outcome === draft.outcome ? (
            <>
              <Typography>{t('dialog.draftTerms')}</Typography>
              <DraftTerms draft={draft} />
            </>
          ) : (
            !draft && <Typography>{t('dialog.noDraft')}</Typography>
          )}
        </>
      );
      break;
    case 'propose-decision':
      body = (
        <>
          {select('outcome', t('dialog.outcome'), DRAFT_OUTCOMES, v =>
            t(`outcome.${v as DecisionOutcome}`),
          )}
          {approval &&
            textField('expiresAt', t('dialog.expiresAt'), {
              required: true,
              type: 'date',
            })}
          {fields.outcome === 'approved-with-conditions' && (
            <Box display="flex" flexDirection="column" gridGap={8}>
              <Typography variant="subtitle2" component="h3">
                {t('dialog.conditions')}
              </Typography>
              {fields.conditions.map((c, index) => {
                const n = String(index + 1);
                const update = (patch: Partial<typeof c>) =>
                  set({
                    conditions: fields.conditions.map((x, i) =>
                      i === index ? { ...x, ...patch } : x,
                    ),
                  });
                return (
                  <Box key={index} display="flex" gridGap={8}>
                    <TextField
                      id={`moratorium-action-${action}-condition-${index}`}
                      label={t('dialog.conditionText', { index: n })}
                      value={c.text}
                      onChange={e => update({ text: e.target.value })}
                      required
                      variant="outlined"
                      style={{ flex: 2 }}
                    />
                    <TextField
                      id={`moratorium-action-${action}-condition-${index}-due`}
                      label={t('dialog.conditionDue', { index: n })}
                      value={c.dueDate}
                      onChange={e => update({ dueDate: e.target.value })}
                      type="date"
                      InputLabelProps={{ shrink: true }}
                      required
                      variant="outlined"
                      style={{ flex: 1 }}
                    />
                    <IconButton
                      aria-label={t('dialog.removeCondition', { index: n })}
                      onClick={() =>
                        set({
                          conditions: fields.conditions.filter(
                            (_, i) => i !== index,
                          ),
                        })
                      }
                    >
                      <DeleteIcon />
                    </IconButton>
                  </Box>
                );
              })}
              <Box>
                <Button
                  startIcon={<AddIcon />}
                  onClick={() =>
                    set({
                      conditions: [
                        ...fields.conditions,
                        { text: '', dueDate: '' },
                      ],
                    })
                  }
                >
                  {t('dialog.addCondition')}
                </Button>
              </Box>
            </Box>
          )}
          {textField('reasons', t('dialog.reasons'), {
            required: fields.outcome === 'rejected',
            multiline: true,
          })}
        </>
      );
      break;
    case 'mark-condition':
      body = (
        <>
          {condition && (
            <Typography>
              {t('dialog.condition', { text: condition.text })}
            </Typography>
          )}
          {textField('evidence', t('dialog.evidence'), {
            required: true,
            multiline: true,
          })}
        </>
      );
      break;
    default:
      body = null;
  }

  return (
    <Dialog open onClose={props.onClose} aria-labelledby={titleId} fullWidth>
      <DialogTitle id={titleId}>{t(`action.${action}`)}</DialogTitle>
      <DialogContent>
        <Box display="flex" flexDirection="column" gridGap={16}>
          {body}
          {error !== undefined &&
            (action === 'submit' && errorStatus(error) === 400 ? (
              <MissingItems error={error} />
            ) : (
              <Notice severity="error">{errorMessage(error)}</Notice>
            ))}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('dialog.cancel')}</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={!input || busy}
          onClick={onConfirm}
        >
          {t('dialog.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
