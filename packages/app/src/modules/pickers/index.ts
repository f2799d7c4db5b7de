import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';

/**
 * The register's pickers for scaffolder templates: `ui:field:
 * RegistrySystemPicker` and `ui:field: StateBodyPicker`. Unlike EntityPicker,
 * which loads every matching entity before the form opens, they ask for one
 * page of matches as the user types.
 */
export const pickersModule = createFrontendModule({
  pluginId: 'scaffolder',
  extensions: [
    FormFieldBlueprint.make({
      name: 'registry-system-picker',
      params: {
        field: () => import('./fields').then(m => m.registrySystemPickerField),
      },
    }),
    FormFieldBlueprint.make({
      name: 'state-body-picker',
      params: {
        field: () => import('./fields').then(m => m.stateBodyPickerField),
      },
    }),
  ],
});
