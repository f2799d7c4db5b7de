import { appLanguageApiRef, useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { registryApiRef } from '@qaztech/plugin-registry';
import { useCallback } from 'react';
import { PagedEntityPicker } from './PagedEntityPicker';
import { searchRegistrySystems, searchStateBodies } from './searches';

type PickerProps = FieldExtensionComponentProps<
  string,
  { ownerField?: string }
>;

function fieldLabel(props: PickerProps) {
  return {
    id: props.idSchema?.$id ?? props.name,
    label: props.uiSchema?.['ui:title'] ?? props.schema.title ?? props.name,
    description: props.uiSchema?.['ui:description'] ?? props.schema.description,
    required: props.required,
    errors: props.rawErrors,
    value: props.formData,
    onChange: props.onChange,
  };
}

/**
 * A system of the register, searched in the register's paged list as the
 * user types; stores the System entity ref. With `ui:options.ownerField`,
 * only systems of the state body chosen in that field are offered.
 */
export function RegistrySystemPicker(props: PickerProps) {
  const registryApi = useApi(registryApiRef);
  const languageApi = useApi(appLanguageApiRef);
  const ownerField = props.uiSchema?.['ui:options']?.ownerField;
  const formData = (props.formContext as { formData?: Record<string, unknown> })
    ?.formData;
  const owner =
    ownerField && typeof formData?.[ownerField] === 'string'
      ? (formData[ownerField] as string)
      : undefined;
  const search = useCallback(
    (query: string) =>
      searchRegistrySystems(
        registryApi,
        query,
        languageApi.getLanguage().language,
        { owner },
      ),
    [registryApi, languageApi, owner],
  );
  return <PagedEntityPicker {...fieldLabel(props)} search={search} />;
}

/**
 * A state body (Group of type state-body), searched in the catalog's paged
 * query as the user types; stores the Group entity ref.
 */
export function StateBodyPicker(props: PickerProps) {
  const catalogApi = useApi(catalogApiRef);
  const search = useCallback(
    (query: string) => searchStateBodies(catalogApi, query),
    [catalogApi],
  );
  return <PagedEntityPicker {...fieldLabel(props)} search={search} />;
}

/** The `RegistrySystemPicker` scaffolder field. */
export const registrySystemPickerField = createFormField({
  name: 'RegistrySystemPicker',
  component: RegistrySystemPicker,
});

/** The `StateBodyPicker` scaffolder field. */
export const stateBodyPickerField = createFormField({
  name: 'StateBodyPicker',
  component: StateBodyPicker,
});
