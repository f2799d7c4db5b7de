import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

/** Examples of `qaztech:system:register`. */
export const examples: TemplateExample[] = [
  {
    description:
      'Writes catalog-info.yaml for a new system on the platform; the owner party, owner kind, creation date and lifecycle history are filled in',
    example: stringify({
      steps: [
        {
          id: 'register-system',
          action: 'qaztech:system:register',
          name: 'Describe the system',
          input: {
            owner: '${{ parameters.stateBody }}',
            registry: {
              title: {
                ru: '${{ parameters.titleRu }}',
                kk: '${{ parameters.titleKk }}',
                en: '${{ parameters.titleEn }}',
              },
              purpose: '${{ parameters.purpose }}',
              lifecycle: { stage: 'creation' },
              platform: { onPlatform: true },
              hosting: { kind: 'platform', country: 'KZ' },
              classification: {
                critical: false,
                confidentiality: 'medium',
                integrity: 'medium',
                availability: 'medium',
              },
              dataCategories: '${{ parameters.dataCategories }}',
            },
          },
        },
      ],
    }),
  },
  {
    description:
      'Records an existing system under a given name, next to the files of another step, in a sub-folder',
    example: stringify({
      steps: [
        {
          id: 'register-system',
          action: 'qaztech:system:register',
          input: {
            name: 'e-licensing',
            owner: 'group:default/mcriap',
            targetPath: 'register/catalog-info.yaml',
            sourceLocation: 'https://git.qaztech.gov.kz/mcriap/e-licensing',
            registry: {
              registryNumber: 'ИС-1024',
              title: { ru: 'Е-лицензирование', kk: 'Е-лицензиялау' },
              purpose: 'Выдача лицензий и разрешений в электронной форме.',
              createdAt: '2012-05-14',
              lifecycle: { stage: 'industrial-operation' },
              platform: {
                onPlatform: false,
                migration: { deadline: '2026-09-30' },
              },
              hosting: { kind: 'state-operator-dc', country: 'KZ' },
              classification: {
                critical: false,
                confidentiality: 'medium',
                integrity: 'high',
                availability: 'medium',
              },
              dataCategories: ['personal'],
            },
          },
        },
      ],
    }),
  },
];
