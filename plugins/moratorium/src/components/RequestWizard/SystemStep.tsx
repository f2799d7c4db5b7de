import {
  identityApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import {
  catalogApiRef,
  useEntityPresentation,
} from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { STATE_INFORMATION_SYSTEM_TYPE } from '@qaztech/plugin-registry-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import { moratoriumTranslationRef } from '../../translations';
import { WizardForm, plannedEntityRef } from './wizardForm';

const TITLE_LABELS = {
  ru: 'field.titleRu',
  kk: 'field.titleKk',
  en: 'field.titleEn',
} as const;

type StepProps = {
  form: WizardForm;
  onChange: (patch: Partial<WizardForm>) => void;
};

/** Systems of the register whose names or titles contain the term. */
function useRegisterSearch(term: string) {
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async () => {
    if (term.trim().length < 2) {
      return [];
    }
    const response = await catalogApi.queryEntities({
      filter: { kind: 'System', 'spec.type': STATE_INFORMATION_SYSTEM_TYPE },
      fullTextFilter: {
        term: term.trim(),
        fields: [
          'metadata.name',
          'metadata.title',
          'spec.registry.title.ru',
          'spec.registry.title.kk',
          'spec.registry.registryNumber',
        ],
      },
      limit: 10,
    });
    return response.items.map(entity => {
      const registryTitle = (entity.spec?.registry as any)?.title;
      return {
        entityRef: stringifyEntityRef(entity),
        title:
          entity.metadata.title ?? registryTitle?.ru ?? entity.metadata.name,
        registryNumber: (entity.spec?.registry as any)?.registryNumber as
          | string
          | undefined,
      };
    });
  }, [catalogApi, term]);
}

/** The groups the signed-in user belongs to: candidate state bodies. */
function useOwnGroups() {
  const identityApi = useApi(identityApiRef);
  return useAsync(async () => {
    const identity = await identityApi.getBackstageIdentity();
    return identity.ownershipEntityRefs.filter(ref => ref.startsWith('group:'));
  }, [identityApi]);
}

/** Step 1: the system (from the register, or planned) and the state body. */
export function SystemStep(props: StepProps) {
  const { t } = useTranslationRef(moratoriumTranslationRef);
  const { form, onChange } = props;
  const [searchInput, setSearchInput] = useState('');
  const [term, setTerm] = useState('');
  useDebounce(() => setTerm(searchInput), 300, [searchInput]);
  const results = useRegisterSearch(term);
  const groups = useOwnGroups();
  const plannedRef = plannedEntityRef(form.plannedTitle.ru);

  return (
    <Box display="flex" flexDirection="column" gridGap={16}>
      <RadioGroup
        aria-label={t('wizard.systemKind')}
        value={form.systemKind}
        onChange={e =>
          onChange({
            systemKind: e.target.value as WizardForm['systemKind'],
          })
        }
      >
        <FormControlLabel
          value="existing"
          control={<Radio color="primary" />}
          label={t('wizard.existing')}
        />
        <FormControlLabel
          value="planned"
          control={<Radio color="primary" />}
          label={t('wizard.planned')}
        />
      </RadioGroup>

      {form.systemKind === 'existing' && (
        <Box>
          <TextField
            id="moratorium-wizard-search"
            label={t('wizard.search')}
            placeholder={t('wizard.searchPlaceholder')}
            value={searchInput}
            onChange={e => setSearchInput(e.target.value)}
            fullWidth
            variant="outlined"
            InputLabelProps={{ shrink: true }}
          />
          {term.trim().length >= 2 &&
            !results.loading &&
            results.value?.length === 0 && (
              <Typography variant="body2">{t('wizard.noMatches')}</Typography>
            )}
          {results.value && results.value.length > 0 && (
            <List dense aria-label={t('wizard.search')}>
              {results.value.map(result => (
                <ListItem
                  key={result.entityRef}
                  button
                  selected={result.entityRef === form.existingRef}
                  onClick={() =>
                    onChange({
                      existingRef: result.entityRef,
                      existingTitle: result.title,
                    })
                  }
                >
                  <ListItemText
                    primary={result.title}
                    secondary={[result.registryNumber, result.entityRef]
                      .filter(Boolean)
                      .join(' · ')}
                  />
                </ListItem>
              ))}
            </List>
          )}
          {form.existingRef && (
            <Typography variant="body1" role="status">
              {t('wizard.selected', { title: form.existingTitle })}
            </Typography>
          )}
        </Box>
      )}

      {form.systemKind === 'planned' && (
        <Box display="flex" flexDirection="column" gridGap={12}>
          {(['ru', 'kk', 'en'] as const).map(lang => (
            <TextField
              key={lang}
              id={`moratorium-wizard-title-${lang}`}
              label={t(TITLE_LABELS[lang])}
              required={lang !== 'en'}
              value={form.plannedTitle[lang]}
              onChange={e =>
                onChange({
                  plannedTitle: {
                    ...form.plannedTitle,
                    [lang]: e.target.value,
                  },
                })
              }
              fullWidth
              variant="outlined"
            />
          ))}
          {plannedRef && (
            <Typography variant="body2">
              {t('wizard.willBeRegistered', { ref: plannedRef })}
            </Typography>
          )}
        </Box>
      )}

      <TextField
        select
        id="moratorium-wizard-state-body"
        label={t('field.stateBodyRef')}
        value={form.stateBodyRef}
        onChange={e => onChange({ stateBodyRef: e.target.value })}
        SelectProps={{ native: true }}
        InputLabelProps={{ shrink: true }}
        variant="outlined"
      >
        <option value="">{t('wizard.stateBodyAuto')}</option>
        {[
          ...new Set([
            ...(groups.value ?? []),
            ...(form.stateBodyRef ? [form.stateBodyRef] : []),
          ]),
        ].map(ref => (
          <StateBodyOption key={ref} entityRef={ref} />
        ))}
      </TextField>
    </Box>
  );
}

/** A state body in the select, by its name rather than its entity ref. */
function StateBodyOption(props: { entityRef: string }) {
  const { primaryTitle } = useEntityPresentation(props.entityRef);
  return <option value={props.entityRef}>{primaryTitle}</option>;
}
