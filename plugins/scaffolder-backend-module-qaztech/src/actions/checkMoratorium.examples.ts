import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

/** Examples of `qaztech:moratorium:check`. */
export const examples: TemplateExample[] = [
  {
    description:
      'Checks the record written by qaztech:system:register before anything is published',
    example: stringify({
      steps: [
        {
          id: 'moratorium',
          action: 'qaztech:moratorium:check',
          name: 'Check the moratorium',
          input: {
            system: "${{ steps['register-system'].output.entityRef }}",
            registry:
              "${{ steps['register-system'].output.entity.spec.registry }}",
          },
        },
      ],
    }),
  },
  {
    description:
      'Checks a planned system off the platform by its name; it passes only with an approved, unexpired exemption of the commission',
    example: stringify({
      steps: [
        {
          id: 'moratorium',
          action: 'qaztech:moratorium:check',
          input: { system: 'kadastr-plus', onPlatform: false },
        },
      ],
    }),
  },
];
