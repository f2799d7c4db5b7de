import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

/** Examples of `qaztech:moratorium:request`. */
export const examples: TemplateExample[] = [
  {
    description:
      'Files a draft exemption request for a planned system from the form; the applicant is the person who runs the template',
    example: stringify({
      steps: [
        {
          id: 'request',
          action: 'qaztech:moratorium:request',
          name: 'File the exemption request draft',
          input: {
            system: '${{ parameters.systemName }}',
            title: {
              ru: '${{ parameters.titleRu }}',
              kk: '${{ parameters.titleKk }}',
            },
            stateBody: '${{ parameters.stateBody }}',
            purpose: '${{ parameters.purpose }}',
            capabilityGaps: '${{ parameters.capabilityGaps }}',
            dataCategories: '${{ parameters.dataCategories }}',
            hosting: { kind: 'state-operator-dc', country: 'KZ' },
          },
        },
      ],
      output: {
        links: [
          {
            title: 'Open the draft',
            url: "${{ steps['request'].output.editUrl }}",
          },
        ],
      },
    }),
  },
  {
    description: 'Files a draft for a system already in the register',
    example: stringify({
      steps: [
        {
          id: 'request',
          action: 'qaztech:moratorium:request',
          input: {
            system: 'system:default/e-licensing',
            purpose: 'Развитие модуля выдачи разрешений вне платформы.',
          },
        },
      ],
    }),
  },
];
