import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

/** Examples of `qaztech:catalog:register-local`. */
export const examples: TemplateExample[] = [
  {
    description:
      'Registers the catalog-info.yaml of a repository qaztech:publish:local made, and links to the System',
    example: stringify({
      steps: [
        {
          id: 'register',
          action: 'qaztech:catalog:register-local',
          name: 'Register',
          input: {
            catalogInfoUrl: "${{ steps['publish'].output.catalogInfoUrl }}",
            entityKind: 'System',
          },
        },
      ],
      output: {
        links: [
          {
            title: 'Open in catalog',
            icon: 'catalog',
            entityRef: "${{ steps['register'].output.entityRef }}",
          },
        ],
      },
    }),
  },
];
