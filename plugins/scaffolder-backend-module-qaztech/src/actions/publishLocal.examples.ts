import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

/** Examples of `qaztech:publish:local`. */
export const examples: TemplateExample[] = [
  {
    description:
      'Publishes the workspace as a local git repository and registers its catalog-info.yaml',
    example: stringify({
      steps: [
        {
          id: 'publish',
          action: 'qaztech:publish:local',
          name: 'Publish',
          input: {
            repoName: "${{ steps['register-system'].output.name }}",
            description: 'Сервис ${{ parameters.serviceName }}',
          },
        },
        {
          id: 'register',
          action: 'qaztech:catalog:register-local',
          name: 'Register',
          input: {
            catalogInfoUrl: "${{ steps['publish'].output.catalogInfoUrl }}",
          },
        },
      ],
    }),
  },
  {
    description: 'Publishes a sub-folder of the workspace on branch trunk',
    example: stringify({
      steps: [
        {
          id: 'publish',
          action: 'qaztech:publish:local',
          input: {
            repoName: 'permits-api',
            sourcePath: 'service',
            defaultBranch: 'trunk',
          },
        },
      ],
    }),
  },
];
