import { useApi, useTranslationRef } from '@backstage/frontend-plugin-api';
import { entityPresentationApiRef } from '@backstage/plugin-catalog-react';
import FormControl from '@material-ui/core/FormControl';
import FormHelperText from '@material-ui/core/FormHelperText';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Paper from '@material-ui/core/Paper';
import TextField from '@material-ui/core/TextField';
import { useEffect, useRef, useState } from 'react';
import { pickersTranslationRef } from './translation';

/** One entity a picker offers. */
export type PickerOption = {
  /** The entity ref the form stores. */
  entityRef: string;
  /** The title in the reader's language. */
  title: string;
  /** A second line: registry number, entity name. */
  detail?: string;
};

/** A search for the first page of options matching the typed text. */
export type PickerSearch = (query: string) => Promise<PickerOption[]>;

/** How long typing must pause before a search is sent. */
export const SEARCH_DEBOUNCE_MS = 300;
/** The page size: a picker never asks for more than this. */
export const PICKER_PAGE_SIZE = 20;

/**
 * A text field that searches as the user types (debounced, one page) and
 * offers the matches by title; choosing one stores its entity ref.
 */
export function PagedEntityPicker(props: {
  id: string;
  label: string;
  description?: string;
  required?: boolean;
  value?: string;
  errors?: string[];
  search: PickerSearch;
  onChange: (entityRef: string | undefined) => void;
}) {
  const { id, label, description, required, value, errors, search, onChange } =
    props;
  const { t } = useTranslationRef(pickersTranslationRef);
  const presentationApi = useApi(entityPresentationApiRef);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<PickerOption[]>([]);
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<string>();
  const requestId = useRef(0);

  // A value set before this field rendered (a default, or back from the
  // review step) is shown by its title.
  useEffect(() => {
    if (!value) {
      return undefined;
    }
    let current = true;
    presentationApi
      .forEntity(value)
      .promise.then(snapshot => {
        if (current) {
          setQuery(q => q || snapshot.primaryTitle);
        }
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [value, presentationApi]);

  useEffect(() => {
    if (!open) {
      return undefined;
    }
    const thisRequest = ++requestId.current;
    setLoading(true);
    const timer = setTimeout(() => {
      search(query.trim())
        .then(found => {
          if (thisRequest === requestId.current) {
            setOptions(found);
            setFailure(undefined);
          }
        })
        .catch(error => {
          if (thisRequest === requestId.current) {
            setOptions([]);
            setFailure(String(error?.message ?? error));
          }
        })
        .finally(() => {
          if (thisRequest === requestId.current) {
            setLoading(false);
          }
        });
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [open, query, search]);

  const listId = `${id}-options`;
  let helper = description ?? t('searchHint');
  if (failure) {
    helper = t('failed', { error: failure });
  } else if (open && loading) {
    helper = t('loading');
  } else if (open && query.trim() && options.length === 0) {
    helper = t('nothingFound', { query: query.trim() });
  } else if (open && options.length >= PICKER_PAGE_SIZE) {
    helper = t('moreResults', { amount: String(PICKER_PAGE_SIZE) });
  }

  return (
    <FormControl
      fullWidth
      margin="normal"
      required={required}
      error={Boolean(errors?.length) || Boolean(failure)}
    >
      <TextField
        id={id}
        label={label}
        required={required}
        value={query}
        autoComplete="off"
        inputProps={{
          'aria-expanded': open,
          'aria-controls': listId,
          'aria-autocomplete': 'list',
        }}
        onFocus={() => setOpen(true)}
        onChange={event => {
          setQuery(event.target.value);
          setOpen(true);
          if (value) {
            onChange(undefined);
          }
        }}
        error={Boolean(errors?.length)}
      />
      <FormHelperText>{helper}</FormHelperText>
      {errors?.map(error => (
        <FormHelperText key={error} error>
          {error}
        </FormHelperText>
      ))}
      {open && options.length > 0 && (
        <Paper variant="outlined">
          <List id={listId} role="listbox" dense aria-label={label}>
            {options.map(option => (
              <ListItem
                key={option.entityRef}
                button
                role="option"
                aria-selected={option.entityRef === value}
                selected={option.entityRef === value}
                onClick={() => {
                  onChange(option.entityRef);
                  setQuery(option.title);
                  setOpen(false);
                }}
              >
                <ListItemText
                  primary={option.title}
                  secondary={option.detail}
                />
              </ListItem>
            ))}
          </List>
        </Paper>
      )}
    </FormControl>
  );
}
