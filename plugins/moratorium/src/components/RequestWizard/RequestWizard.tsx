import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { Container, Header } from '@backstage/ui';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Paper from '@material-ui/core/Paper';
import Step from '@material-ui/core/Step';
import StepButton from '@material-ui/core/StepButton';
import Stepper from '@material-ui/core/Stepper';
import Typography from '@material-ui/core/Typography';
import type { ExemptionRequest } from '@qaztech/plugin-moratorium-common';
import { useRef, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import useDebounce from 'react-use/esm/useDebounce';
import { moratoriumApiRef } from '../../api';
import { moratoriumTranslationRef } from '../../translations';
import {
  MissingItems,
  Notice,
  errorMessage,
  errorStatus,
  useLocalizedTitle,
  useMoratoriumLinks,
} from '../shared';
import { AttachmentsStep } from './AttachmentsStep';
import { CostStep } from './CostStep';
import { PlansStep } from './PlansStep';
import { PurposeStep } from './PurposeStep';
import { ReviewStep } from './ReviewStep';
import { SimilarPanel } from './SimilarPanel';
import { SystemStep } from './SystemStep';
import {
  WizardForm,
  emptyForm,
  fromContent,
  missingOnStep,
  similarityQuery,
  toContent,
} from './wizardForm';

const STEPS = [
  'wizard.stepSystem',
  'wizard.stepPurpose',
  'wizard.stepSimilar',
  'wizard.stepCost',
  'wizard.stepPlans',
  'wizard.stepAttachments',
  'wizard.stepReview',
] as const;

function newKey(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

type Feedback =
  | { kind: 'saved'; number: string }
  | { kind: 'conflict' }
  | { kind: 'save-error'; error: unknown }
  | { kind: 'submit-error'; error: unknown };

/**
 * The exemption request wizard: the system, purpose and capability gaps,
 * similar systems found live in the register, cost, data and hosting, the
 * plans, attachments and a review. "Save draft" creates the draft and then
 * saves it with its version; "Submit" saves and submits, and lists what the
 * server says is still missing.
 */
export function RequestWizard() {
  const { t } = useTranslationRef(moratoriumTranslationRef);
  const api = useApi(moratoriumApiRef);
  const links = useMoratoriumLinks();
  const navigate = useNavigate();
  const { id } = useParams();
  const [searchParams] = useSearchParams();
  const [form, setForm] = useState<WizardForm>(() =>
    emptyForm(searchParams.get('system') ?? undefined),
  );
  const [saved, setSaved] = useState<ExemptionRequest>();
  const [step, setStep] = useState(0);
  const [busy, setBusy] = useState<'save' | 'submit'>();
  const [feedback, setFeedback] = useState<Feedback>();
  // One key per new draft: a retried or doubled "Save draft" creates one draft.
  const createKey = useRef(newKey());

  const loaded = useAsync(async () => {
    if (!id) {
      return undefined;
    }
    const request = await api.getRequest(id);
    setForm(fromContent(request.content));
    setSaved(request);
    return request;
  }, [api, id]);

  const [query, setQuery] = useState('');
  useDebounce(() => setQuery(similarityQuery(form)), 400, [
    form.purpose,
    form.plannedTitle.ru,
    form.existingTitle,
    form.systemKind,
  ]);
  const similar = useAsyncRetry(async () => {
    if (query.length < 3) {
      return [];
    }
    return (await api.findSimilarSystems(query)).items;
  }, [api, query]);

  const onChange = (patch: Partial<WizardForm>) =>
    setForm(current => ({ ...current, ...patch }));

  const localizedTitle = useLocalizedTitle();
  const [stepMissing, setStepMissing] = useState<string[]>();
  const fieldLabels: Record<string, string> = {
    system: t('field.system'),
    titleRu: t('field.titleRu'),
    titleKk: t('field.titleKk'),
    purpose: t('field.purpose'),
    capabilityGaps: t('field.capabilityGaps'),
    amountKzt: t('field.amountKzt'),
    budgetProgramme: t('field.budgetProgramme'),
    dataCategories: t('field.dataCategories'),
    hostingKind: t('field.hostingKind'),
    securityPlan: t('field.securityPlan'),
    exitPlan: t('field.exitPlan'),
    attachmentTitle: t('field.attachmentTitle'),
    attachmentUrl: t('field.attachmentUrl'),
    attachmentSha256: t('field.attachmentSha256'),
  };
  /**
   * Moves to a later step only when every step on the way has its required
   * fields; otherwise stays on the first incomplete one and names them.
   */
  const goTo = (target: number) => {
    for (let index = step; index < target; index++) {
      const missing = missingOnStep(index, form, similar.value ?? []);
      if (missing.length > 0) {
        setStep(index);
        setStepMissing([
          ...new Set(
            missing.map(m =>
              'field' in m
                ? fieldLabels[m.field]
                : t('wizard.reuseMissing', {
                    title: localizedTitle(m.system.title),
                  }),
            ),
          ),
        ]);
        return;
      }
    }
    setStepMissing(undefined);
    setStep(target);
  };

  /** Creates the draft or saves it over the version we hold. */
  const persist = async (): Promise<ExemptionRequest> => {
    const content = toContent(form);
    const request = saved
      ? await api.updateRequest(saved.id, content, saved.version)
      : await api.createRequest(content, {
          idempotencyKey: createKey.current,
        });
    setSaved(request);
    return request;
  };

  const reloadAfterConflict = async () => {
    if (saved) {
      const fresh = await api.getRequest(saved.id);
      setSaved(fresh);
      setForm(fromContent(fresh.content));
    }
    setFeedback({ kind: 'conflict' });
  };

  const onSave = async () => {
    setBusy('save');
    setFeedback(undefined);
    try {
      const request = await persist();
      setFeedback({ kind: 'saved', number: request.number });
    } catch (error) {
      if (errorStatus(error) === 409) {
        await reloadAfterConflict().catch(e =>
          setFeedback({ kind: 'save-error', error: e }),
        );
      } else {
        setFeedback({ kind: 'save-error', error });
      }
    } finally {
      setBusy(undefined);
    }
  };

  const onSubmit = async () => {
    setBusy('submit');
    setFeedback(undefined);
    let request: ExemptionRequest;
    try {
      request = await persist();
    } catch (error) {
      setBusy(undefined);
      if (errorStatus(error) === 409) {
        await reloadAfterConflict().catch(e =>
          setFeedback({ kind: 'save-error', error: e }),
        );
      } else {
        setFeedback({ kind: 'save-error', error });
      }
      return;
    }
    try {
      const submitted = await api.transition(
        request.id,
        { action: 'submit' },
        request.version,
      );
      navigate(links.request(submitted.id));
    } catch (error) {
      if (errorStatus(error) === 409) {
        await reloadAfterConflict().catch(e =>
          setFeedback({ kind: 'submit-error', error: e }),
        );
      } else {
        setFeedback({ kind: 'submit-error', error });
      }
    } finally {
      setBusy(undefined);
    }
  };

  if (loaded.loading) {
    return <Progress />;
  }
  if (loaded.error) {
    return <ResponseErrorPanel error={loaded.error} />;
  }

  const canSubmit = !saved || saved.state === 'draft';
  const similarPanel = (answers: boolean) => (
    <SimilarPanel
      form={form}
      onChange={onChange}
      items={similar.value ?? []}
      error={similar.error}
      loading={similar.loading}
      queryTooShort={query.length < 3}
      onRetry={similar.retry}
      answers={answers}
    />
  );

  return (
    <>
      <Header
        title={
          saved
            ? t('wizard.editTitle', { number: saved.number })
            : t('wizard.title')
        }
        description={t('wizard.description')}
      />
      <Container>
        <Paper variant="outlined">
          <Stepper activeStep={step} nonLinear alternativeLabel>
            {STEPS.map((label, index) => (
              <Step key={label}>
                <StepButton
                  onClick={() => {
                    setStepMissing(undefined);
                    setStep(index);
                  }}
                >
                  {t(label)}
                </StepButton>
              </Step>
            ))}
          </Stepper>
          <Box px={3} pb={3}>
            <Typography variant="h5" component="h2" gutterBottom>
              {t(STEPS[step])}
            </Typography>
            {step === 0 && <SystemStep form={form} onChange={onChange} />}
            {step === 1 && (
              <PurposeStep
                form={form}
                onChange={onChange}
                similar={similarPanel(false)}
              />
            )}
            {step === 2 && similarPanel(true)}
            {step === 3 && <CostStep form={form} onChange={onChange} />}
            {step === 4 && <PlansStep form={form} onChange={onChange} />}
            {step === 5 && <AttachmentsStep form={form} onChange={onChange} />}
            {step === 6 && (
              <ReviewStep form={form} similar={similar.value ?? []} />
            )}

            {stepMissing && (
              <Notice severity="error" title={t('wizard.stepIncomplete')}>
                <ul>
                  {stepMissing.map(label => (
                    <li key={label}>{label}</li>
                  ))}
                </ul>
              </Notice>
            )}
            {feedback?.kind === 'saved' && (
              <Notice severity="success">
                {t('wizard.saved', { number: feedback.number })}
              </Notice>
            )}
            {feedback?.kind === 'conflict' && (
              <Notice severity="error">{t('request.conflict')}</Notice>
            )}
            {feedback?.kind === 'save-error' &&
              (errorStatus(feedback.error) === 400 ? (
                <MissingItems
                  error={feedback.error}
                  title={t('wizard.saveFailed')}
                />
              ) : (
                <Notice severity="error" title={t('wizard.saveFailed')}>
                  {errorMessage(feedback.error)}
                </Notice>
              ))}
            {feedback?.kind === 'submit-error' &&
              (errorStatus(feedback.error) === 400 ? (
                <MissingItems error={feedback.error} />
              ) : (
                <Notice severity="error">{errorMessage(feedback.error)}</Notice>
              ))}

            <Box display="flex" gridGap={8} mt={3}>
              <Button
                disabled={step === 0 || Boolean(busy)}
                onClick={() => {
                  setStepMissing(undefined);
                  setStep(step - 1);
                }}
              >
                {t('wizard.back')}
              </Button>
              <Button
                variant="outlined"
                disabled={Boolean(busy)}
                onClick={onSave}
              >
                {busy === 'save' ? t('wizard.saving') : t('wizard.saveDraft')}
              </Button>
              <Box flexGrow={1} />
              {step < STEPS.length - 1 && (
                <Button
                  variant="contained"
                  color="primary"
                  disabled={Boolean(busy)}
                  onClick={() => goTo(step + 1)}
                >
                  {t('wizard.next')}
                </Button>
              )}
              {step === STEPS.length - 1 && canSubmit && (
                <Button
                  variant="contained"
                  color="primary"
                  disabled={Boolean(busy)}
                  onClick={onSubmit}
                >
                  {busy === 'submit'
                    ? t('wizard.submitting')
                    : t('wizard.submit')}
                </Button>
              )}
            </Box>
          </Box>
        </Paper>
      </Container>
    </>
  );
}
