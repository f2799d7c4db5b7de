import {
  identityApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import FormLabel from '@material-ui/core/FormLabel';
import IconButton from '@material-ui/core/IconButton';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import DeleteIcon from '@material-ui/icons/Delete';
import {
  Campaign,
  CampaignGoal,
  CampaignInput,
  CampaignProblem,
  CampaignScope,
  LIFECYCLE_STAGES,
  LifecycleStage,
  MORATORIUM_STATUSES,
  MoratoriumStatusKind,
  validateCampaign,
} from '@qaztech/plugin-registry-common';
import { ReactNode, useEffect, useState } from 'react';
import { registryApiRef } from '../../api';
import { registryTranslationRef } from '../../translations';
import { errorMessage, errorStatus } from '../errors';

type Tri = 'any' | 'yes' | 'no';
type MilestoneRow = { date: string; percent: string };

type FormState = {
  titleRu: string;
  titleKk: string;
  titleEn: string;
  descriptionRu: string;
  descriptionKk: string;
  descriptionEn: string;
  owner: string;
  goalKind: CampaignGoal['kind'];
  level: 'ready' | 'conditional';
  goalStatuses: MoratoriumStatusKind[];
  checkIds: string;
  stateBodies: string;
  lifecycleStages: LifecycleStage[];
  platformStatuses: MoratoriumStatusKind[];
  onPlatform: Tri;
  critical: Tri;
  startDate: string;
  milestones: MilestoneRow[];
};

const splitList = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map(item => item.trim())
    .filter(Boolean);

const fromTri = (value: Tri) => (value === 'any' ? undefined : value === 'yes');
function toTri(value?: boolean): Tri {
  if (value === undefined) {
    return 'any';
  }
  return value ? 'yes' : 'no';
}

function goalOf(form: FormState): CampaignGoal {
  switch (form.goalKind) {
    case 'readiness-level':
      return { kind: 'readiness-level', level: form.level };
    case 'platform-status':
      return { kind: 'platform-status', statuses: form.goalStatuses };
    default:
      return { kind: 'checks-pass', checkIds: splitList(form.checkIds) };
  }
}

function initialState(campaign?: Campaign): FormState {
  const goal = campaign?.goal;
  const scope = campaign?.scope ?? {};
  return {
    titleRu: campaign?.title.ru ?? '',
    titleKk: campaign?.title.kk ?? '',
    titleEn: campaign?.title.en ?? '',
    descriptionRu: campaign?.description?.ru ?? '',
    descriptionKk: campaign?.description?.kk ?? '',
    descriptionEn: campaign?.description?.en ?? '',
    owner: campaign?.owner ?? '',
    goalKind: goal?.kind ?? 'platform-status',
    level: goal?.kind === 'readiness-level' ? goal.level : 'ready',
    goalStatuses:
      goal?.kind === 'platform-status'
        ? goal.statuses
        : ['on-platform', 'exempted'],
    checkIds: goal?.kind === 'checks-pass' ? goal.checkIds.join(', ') : '',
    stateBodies: (scope.stateBodies ?? []).join(', '),
    lifecycleStages: scope.lifecycleStages ?? [],
    platformStatuses: scope.platformStatuses ?? [],
    onPlatform: toTri(scope.onPlatform),
    critical: toTri(scope.critical),
    startDate: campaign?.startDate ?? '',
    milestones: campaign?.milestones.map(m => ({
      date: m.date,
      percent: String(Math.round(m.share * 1000) / 10),
    })) ?? [{ date: '', percent: '100' }],
  };
}

function toInput(form: FormState): CampaignInput {
  const goal = goalOf(form);
  const scope: CampaignScope = {};
  const stateBodies = splitList(form.stateBodies);
  if (stateBodies.length) {
    scope.stateBodies = stateBodies;
  }
  if (form.lifecycleStages.length) {
    scope.lifecycleStages = form.lifecycleStages;
  }
  if (form.platformStatuses.length) {
    scope.platformStatuses = form.platformStatuses;
  }
  const onPlatform = fromTri(form.onPlatform);
  if (onPlatform !== undefined) {
    scope.onPlatform = onPlatform;
  }
  const critical = fromTri(form.critical);
  if (critical !== undefined) {
    scope.critical = critical;
  }
  const description = [
    form.descriptionRu,
    form.descriptionKk,
    form.descriptionEn,
  ].some(text => text.trim())
    ? {
        ru: form.descriptionRu.trim(),
        kk: form.descriptionKk.trim(),
        en: form.descriptionEn.trim(),
      }
    : undefined;
  return {
    title: {
      ru: form.titleRu.trim(),
      kk: form.titleKk.trim(),
      en: form.titleEn.trim(),
    },
    ...(description ? { description } : {}),
    owner: form.owner.trim(),
    scope,
    goal,
    startDate: form.startDate,
    milestones: form.milestones.map(row => ({
      date: row.date,
      // A whole percentage typed by a person, kept exact: 30 → 0.3.
      share: Math.round(Number(row.percent.replace(',', '.')) * 10) / 1000,
    })),
  };
}

function toggle<T>(list: T[], item: T): T[] {
  return list.includes(item) ? list.filter(i => i !== item) : [...list, item];
}

function Section(props: { title: string; children: ReactNode }) {
  return (
    <Box component="fieldset" border={0} p={0} m={0}>
      <Typography component="legend" variant="subtitle2" gutterBottom>
        {props.title}
      </Typography>
      <Box display="flex" flexDirection="column" gridGap={12}>
        {props.children}
      </Box>
    </Box>
  );
}

/**
 * Defines a campaign or changes one defined in the app: titles in three
 * languages, owner, goal, scope, start and milestones. The shared rules of
 * registry-common check it before it is sent; each problem shows at its
 * field. A change made meanwhile by someone else is refused (409) and said.
 */
export function CampaignFormDialog(props: {
  /** The campaign to change; a new one is defined when absent. */
  campaign?: Campaign;
  onClose: () => void;
  onSaved: (campaign: Campaign) => void;
}) {
  const { t } = useTranslationRef(registryTranslationRef);
  const registryApi = useApi(registryApiRef);
  const identityApi = useApi(identityApiRef);
  const [form, setForm] = useState<FormState>(() =>
    initialState(props.campaign),
  );
  const [showProblems, setShowProblems] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    if (props.campaign) {
      return;
    }
    identityApi.getBackstageIdentity().then(
      identity =>
        setForm(f => (f.owner ? f : { ...f, owner: identity.userEntityRef })),
      () => {},
    );
  }, [identityApi, props.campaign]);

  const input = toInput(form);
  const problems: CampaignProblem[] = validateCampaign(input);
  const problemAt = (prefix: string) =>
    showProblems
      ? problems.find(
          p => p.field === prefix || p.field.startsWith(`${prefix}.`),
        )?.message
      : undefined;
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setForm(f => ({ ...f, [key]: value }));
  const text = (key: keyof FormState, label: string, field: string) => {
    const problem = problemAt(field);
    return (
      <TextField
        id={`registry-campaign-${key}`}
        label={label}
        value={form[key] as string}
        onChange={e => set(key, e.target.value as never)}
        error={!!problem}
        helperText={problem}
        fullWidth
      />
    );
  };

  const save = async () => {
    if (problems.length) {
      setShowProblems(true);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const saved = props.campaign
        ? await registryApi.updateCampaign(props.campaign.id, {
            ...input,
            version: props.campaign.version,
          })
        : await registryApi.createCampaign(input);
      props.onSaved(saved);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  const titleId = props.campaign
    ? 'registry-campaign-edit'
    : 'registry-campaign-new';

  return (
    <Dialog
      open
      onClose={props.onClose}
      aria-labelledby={titleId}
      fullWidth
      maxWidth="md"
    >
      <DialogTitle id={titleId}>
        {props.campaign ? t('campaignForm.editTitle') : t('campaignForm.title')}
      </DialogTitle>
      <DialogContent>
        <Box display="flex" flexDirection="column" gridGap={24}>
          <Section title={t('campaignForm.titles')}>
            {text('titleRu', t('campaignForm.titleRu'), 'title.ru')}
            {text('titleKk', t('campaignForm.titleKk'), 'title.kk')}
            {text('titleEn', t('campaignForm.titleEn'), 'title.en')}
            {text(
              'descriptionRu',
              t('campaignForm.descriptionRu'),
              'description.ru',
            )}
            {text(
              'descriptionKk',
              t('campaignForm.descriptionKk'),
              'description.kk',
            )}
            {text(
              'descriptionEn',
              t('campaignForm.descriptionEn'),
              'description.en',
            )}
            {text('owner', t('campaignForm.owner'), 'owner')}
          </Section>

          <Section title={t('campaignForm.goal')}>
            <TextField
              id="registry-campaign-goal-kind"
              select
              label={t('campaignForm.goalKind')}
              value={form.goalKind}
              onChange={e =>
                set('goalKind', e.target.value as CampaignGoal['kind'])
              }
            >
              {(
                ['platform-status', 'readiness-level', 'checks-pass'] as const
              ).map(kind => (
                <MenuItem key={kind} value={kind}>
                  {t(`goalKind.${kind}`)}
                </MenuItem>
              ))}
            </TextField>
            {form.goalKind === 'readiness-level' && (
              <TextField
                id="registry-campaign-level"
                select
                label={t('campaignForm.level')}
                value={form.level}
                onChange={e =>
                  set('level', e.target.value as 'ready' | 'conditional')
                }
              >
                {(['ready', 'conditional'] as const).map(level => (
                  <MenuItem key={level} value={level}>
                    {t(`readinessLevel.${level}`)}
                  </MenuItem>
                ))}
              </TextField>
            )}
            {form.goalKind === 'platform-status' && (
              <Box>
                <FormLabel error={!!problemAt('goal.statuses')}>
                  {t('campaignForm.goalStatuses')}
                </FormLabel>
                <FormGroup row>
                  {MORATORIUM_STATUSES.map(status => (
                    <FormControlLabel
                      key={status}
                      label={t(`platformStatus.${status}`)}
                      control={
                        <Checkbox
                          checked={form.goalStatuses.includes(status)}
                          onChange={() =>
                            set(
                              'goalStatuses',
                              toggle(form.goalStatuses, status),
                            )
                          }
                        />
                      }
                    />
                  ))}
                </FormGroup>
                {problemAt('goal.statuses') && (
                  <Typography variant="caption" color="error">
                    {problemAt('goal.statuses')}
                  </Typography>
                )}
              </Box>
            )}
            {form.goalKind === 'checks-pass' &&
              text('checkIds', t('campaignForm.checkIds'), 'goal.checkIds')}
          </Section>

          <Section title={t('campaignForm.scope')}>
            {text(
              'stateBodies',
              t('campaignForm.stateBodies'),
              'scope.stateBodies',
            )}
            <Box display="flex" gridGap={16}>
              {(['onPlatform', 'critical'] as const).map(key => (
                <TextField
                  key={key}
                  id={`registry-campaign-${key}`}
                  select
                  label={t(`campaignForm.${key}`)}
                  value={form[key]}
                  onChange={e => set(key, e.target.value as Tri)}
                  style={{ minWidth: 200 }}
                >
                  {(['any', 'yes', 'no'] as const).map(value => (
                    <MenuItem key={value} value={value}>
                      {t(`campaignForm.tri.${value}`)}
                    </MenuItem>
                  ))}
                </TextField>
              ))}
            </Box>
            <Box>
              <FormLabel>{t('campaignForm.lifecycleStages')}</FormLabel>
              <FormGroup row>
                {LIFECYCLE_STAGES.map(stage => (
                  <FormControlLabel
                    key={stage}
                    label={t(`lifecycleStage.${stage}`)}
                    control={
                      <Checkbox
                        checked={form.lifecycleStages.includes(stage)}
                        onChange={() =>
                          set(
                            'lifecycleStages',
                            toggle(form.lifecycleStages, stage),
                          )
                        }
                      />
                    }
                  />
                ))}
              </FormGroup>
            </Box>
            <Box>
              <FormLabel>{t('campaignForm.platformStatuses')}</FormLabel>
              <FormGroup row>
                {MORATORIUM_STATUSES.map(status => (
                  <FormControlLabel
                    key={status}
                    label={t(`platformStatus.${status}`)}
                    control={
                      <Checkbox
                        inputProps={{
                          'aria-label': t('campaignForm.scopeStatus', {
                            status: t(`platformStatus.${status}`),
                          }),
                        }}
                        checked={form.platformStatuses.includes(status)}
                        onChange={() =>
                          set(
                            'platformStatuses',
                            toggle(form.platformStatuses, status),
                          )
                        }
                      />
                    }
                  />
                ))}
              </FormGroup>
            </Box>
          </Section>

          <Section title={t('campaignForm.schedule')}>
            <TextField
              id="registry-campaign-start-date"
              type="date"
              label={t('campaignForm.startDate')}
              value={form.startDate}
              onChange={e => set('startDate', e.target.value)}
              InputLabelProps={{ shrink: true }}
              error={!!problemAt('startDate')}
              helperText={problemAt('startDate')}
            />
            {form.milestones.map((row, index) => {
              const dateProblem = problemAt(`milestones[${index}].date`);
              const shareProblem = problemAt(`milestones[${index}].share`);
              const update = (patch: Partial<MilestoneRow>) =>
                set(
                  'milestones',
                  form.milestones.map((r, i) =>
                    i === index ? { ...r, ...patch } : r,
                  ),
                );
              return (
                <Box key={index} display="flex" gridGap={16} alignItems="start">
                  <TextField
                    id={`registry-campaign-milestone-${index}-date`}
                    type="date"
                    label={t('campaignForm.milestoneDate', {
                      number: String(index + 1),
                    })}
                    value={row.date}
                    onChange={e => update({ date: e.target.value })}
                    InputLabelProps={{ shrink: true }}
                    error={!!dateProblem}
                    helperText={dateProblem}
                  />
                  <TextField
                    id={`registry-campaign-milestone-${index}-percent`}
                    type="number"
                    label={t('campaignForm.milestonePercent', {
                      number: String(index + 1),
                    })}
                    value={row.percent}
                    onChange={e => update({ percent: e.target.value })}
                    inputProps={{ min: 1, max: 100 }}
                    error={!!shareProblem}
                    helperText={shareProblem}
                  />
                  {form.milestones.length > 1 && (
                    <IconButton
                      aria-label={t('campaignForm.removeMilestone', {
                        number: String(index + 1),
                      })}
                      onClick={() =>
                        set(
                          'milestones',
                          form.milestones.filter((_, i) => i !== index),
                        )
                      }
                    >
                      <DeleteIcon />
                    </IconButton>
                  )}
                </Box>
              );
            })}
            {problemAt('milestones') &&
              !problems.some(p => p.field.startsWith('milestones[')) && (
                <Typography variant="caption" color="error">
                  {problemAt('milestones')}
                </Typography>
              )}
            <Box>
              <Button
                variant="outlined"
                onClick={() =>
                  set('milestones', [
                    ...form.milestones.slice(0, -1),
                    { date: '', percent: '' },
                    ...form.milestones.slice(-1),
                  ])
                }
              >
                {t('campaignForm.addMilestone')}
              </Button>
            </Box>
          </Section>

          {error !== undefined && (
            <Typography role="alert" color="error">
              {errorStatus(error) === 409
                ? t('campaignForm.conflict')
                : errorMessage(error)}
            </Typography>
          )}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('campaignForm.cancel')}</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={busy}
          onClick={save}
        >
          {props.campaign ? t('campaignForm.save') : t('campaignForm.create')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
