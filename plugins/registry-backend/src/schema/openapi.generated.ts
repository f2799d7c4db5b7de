// Generated from openapi.yaml by scripts/generate-openapi.js; do not edit.
// src/schema/openapi.test.ts fails when the two differ.

/** The registry API's OpenAPI document. @public */
export const spec = {
  openapi: '3.0.3',
  info: {
    title: 'registry',
    version: '1',
    description:
      'The register of state information systems: a projection of the catalog for filtered lists, statistics, CSV export and the import log.',
    license: {
      name: 'Apache-2.0',
      url: 'http://www.apache.org/licenses/LICENSE-2.0.html',
    },
  },
  servers: [
    {
      url: '/',
    },
  ],
  components: {
    parameters: {
      owner: {
        name: 'owner',
        in: 'query',
        description:
          'The state body Group ref that owns the system; repeat for any of several.',
        required: false,
        allowReserved: true,
        style: 'form',
        explode: true,
        schema: {
          type: 'array',
          maxItems: 100,
          items: {
            type: 'string',
            minLength: 1,
            maxLength: 255,
          },
        },
      },
      platformStatus: {
        name: 'platformStatus',
        in: 'query',
        description: 'Moratorium status; repeat for any of several.',
        required: false,
        style: 'form',
        explode: true,
        schema: {
          type: 'array',
          items: {
            $ref: '#/components/schemas/PlatformStatus',
          },
        },
      },
      lifecycleStage: {
        name: 'lifecycleStage',
        in: 'query',
        description: 'Lifecycle stage; repeat for any of several.',
        required: false,
        style: 'form',
        explode: true,
        schema: {
          type: 'array',
          items: {
            $ref: '#/components/schemas/LifecycleStage',
          },
        },
      },
      critical: {
        name: 'critical',
        in: 'query',
        description:
          'Only critical (true) or only non-critical (false) systems.',
        required: false,
        schema: {
          type: 'boolean',
        },
      },
      dataCategory: {
        name: 'dataCategory',
        in: 'query',
        description:
          'A category of data the system holds; repeat for any of several.',
        required: false,
        style: 'form',
        explode: true,
        schema: {
          type: 'array',
          items: {
            $ref: '#/components/schemas/DataCategory',
          },
        },
      },
      hostingKind: {
        name: 'hostingKind',
        in: 'query',
        description: 'Where the system runs; repeat for any of several.',
        required: false,
        style: 'form',
        explode: true,
        schema: {
          type: 'array',
          items: {
            $ref: '#/components/schemas/HostingKind',
          },
        },
      },
      q: {
        name: 'q',
        in: 'query',
        description:
          'Free text searched in the Russian, Kazakh and English titles, the registry number and the entity name, in any letter case.',
        required: false,
        allowReserved: true,
        schema: {
          type: 'string',
          maxLength: 200,
        },
      },
    },
    schemas: {
      PlatformStatus: {
        type: 'string',
        enum: ['on-platform', 'legacy-migrating', 'exempted', 'violation'],
      },
      LifecycleStage: {
        type: 'string',
        enum: [
          'planned',
          'creation',
          'pilot-operation',
          'industrial-operation',
          'development',
          'decommissioned',
        ],
      },
      OwnerKind: {
        type: 'string',
        enum: [
          'state-body',
          'local-executive-body',
          'state-legal-entity',
          'quasi-state-organisation',
          'non-state-integrated',
        ],
      },
      HostingKind: {
        type: 'string',
        enum: ['platform', 'state-operator-dc', 'own', 'commercial'],
      },
      DataCategory: {
        type: 'string',
        enum: [
          'personal',
          'biometric',
          'restricted-official',
          'financial',
          'health',
          'open',
        ],
      },
      Title: {
        type: 'object',
        required: ['ru', 'kk'],
        properties: {
          ru: {
            type: 'string',
          },
          kk: {
            type: 'string',
          },
          en: {
            type: 'string',
          },
        },
      },
      System: {
        type: 'object',
        description: 'A state information system as the register lists it.',
        required: [
          'entityRef',
          'namespace',
          'name',
          'title',
          'owner',
          'ownerKind',
          'lifecycleStage',
          'platformStatus',
          'platformReason',
          'critical',
          'hostingKind',
          'hostingCountry',
          'dataCategories',
          'updatedAt',
        ],
        properties: {
          entityRef: {
            type: 'string',
            example: 'system:default/portal-elektronnogo-pravitelstva',
          },
          namespace: {
            type: 'string',
          },
          name: {
            type: 'string',
          },
          title: {
            $ref: '#/components/schemas/Title',
          },
          registryNumber: {
            type: 'string',
            example: 'ИС-83319',
          },
          owner: {
            type: 'object',
            required: ['ref'],
            properties: {
              ref: {
                type: 'string',
                example: 'group:default/mcriap',
              },
              bin: {
                type: 'string',
                example: '190740682689',
              },
            },
          },
          ownerKind: {
            $ref: '#/components/schemas/OwnerKind',
          },
          lifecycleStage: {
            $ref: '#/components/schemas/LifecycleStage',
          },
          platformStatus: {
            $ref: '#/components/schemas/PlatformStatus',
          },
          platformReason: {
            type: 'string',
          },
          critical: {
            type: 'boolean',
          },
          hostingKind: {
            $ref: '#/components/schemas/HostingKind',
          },
          hostingCountry: {
            type: 'string',
            example: 'KZ',
          },
          dataCategories: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/DataCategory',
            },
          },
          updatedAt: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
      SystemDetails: {
        description: 'A system with its full register record (spec.registry).',
        allOf: [
          {
            $ref: '#/components/schemas/System',
          },
          {
            type: 'object',
            required: ['record'],
            properties: {
              record: {
                type: 'object',
                additionalProperties: {},
              },
            },
          },
        ],
      },
      SystemPage: {
        type: 'object',
        required: ['items', 'totalCount'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/System',
            },
          },
          nextCursor: {
            type: 'string',
            description:
              'Pass as cursor for the next page; absent on the last page.',
          },
          totalCount: {
            type: 'integer',
            description: 'How many systems match the filters over all pages.',
          },
        },
      },
      Stats: {
        type: 'object',
        required: ['total', 'byPlatformStatus', 'byLifecycleStage', 'byOwner'],
        properties: {
          total: {
            type: 'integer',
          },
          byPlatformStatus: {
            type: 'object',
            additionalProperties: {
              type: 'integer',
            },
          },
          byLifecycleStage: {
            type: 'object',
            additionalProperties: {
              type: 'integer',
            },
          },
          byOwner: {
            type: 'array',
            description: 'State bodies, most systems first.',
            items: {
              type: 'object',
              required: ['ref', 'total', 'byPlatformStatus'],
              properties: {
                ref: {
                  type: 'string',
                },
                total: {
                  type: 'integer',
                },
                byPlatformStatus: {
                  type: 'object',
                  additionalProperties: {
                    type: 'integer',
                  },
                },
              },
            },
          },
        },
      },
      ImportRejection: {
        type: 'object',
        required: ['line', 'reason'],
        properties: {
          line: {
            type: 'integer',
            minimum: 0,
          },
          reason: {
            type: 'string',
            maxLength: 2000,
          },
        },
      },
      ImportInput: {
        type: 'object',
        description:
          'One run of a register import, as its importer reports it.',
        additionalProperties: false,
        required: [
          'sourceId',
          'source',
          'format',
          'startedAt',
          'finishedAt',
          'status',
          'rowsRead',
          'imported',
          'rejected',
        ],
        properties: {
          sourceId: {
            type: 'string',
            minLength: 1,
            maxLength: 255,
          },
          source: {
            type: 'string',
            minLength: 1,
            maxLength: 2000,
          },
          format: {
            type: 'string',
            enum: ['json', 'csv'],
          },
          startedAt: {
            type: 'string',
            format: 'date-time',
          },
          finishedAt: {
            type: 'string',
            format: 'date-time',
          },
          status: {
            type: 'string',
            enum: ['succeeded', 'failed', 'unchanged'],
          },
          rowsRead: {
            type: 'integer',
            minimum: 0,
          },
          imported: {
            type: 'integer',
            minimum: 0,
          },
          rejected: {
            type: 'array',
            maxItems: 100000,
            items: {
              $ref: '#/components/schemas/ImportRejection',
            },
          },
          error: {
            type: 'string',
            maxLength: 10000,
          },
        },
      },
      Import: {
        type: 'object',
        description: 'A logged import run.',
        required: [
          'id',
          'sourceId',
          'source',
          'format',
          'startedAt',
          'finishedAt',
          'status',
          'rowsRead',
          'imported',
          'rejected',
          'createdAt',
        ],
        properties: {
          id: {
            type: 'string',
          },
          sourceId: {
            type: 'string',
          },
          source: {
            type: 'string',
          },
          format: {
            type: 'string',
          },
          startedAt: {
            type: 'string',
            format: 'date-time',
          },
          finishedAt: {
            type: 'string',
            format: 'date-time',
          },
          status: {
            type: 'string',
            enum: ['succeeded', 'failed', 'unchanged'],
          },
          rowsRead: {
            type: 'integer',
          },
          imported: {
            type: 'integer',
          },
          rejected: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ImportRejection',
            },
          },
          error: {
            type: 'string',
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['name', 'message'],
            properties: {
              name: {
                type: 'string',
              },
              message: {
                type: 'string',
              },
            },
          },
        },
      },
    },
    responses: {
      ErrorResponse: {
        description:
          'The request was not valid or not allowed; the message says why.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
    },
  },
  paths: {
    '/systems': {
      get: {
        operationId: 'ListSystems',
        description: 'One page of the register, filtered and sorted.',
        parameters: [
          {
            $ref: '#/components/parameters/owner',
          },
          {
            $ref: '#/components/parameters/platformStatus',
          },
          {
            $ref: '#/components/parameters/lifecycleStage',
          },
          {
            $ref: '#/components/parameters/critical',
          },
          {
            $ref: '#/components/parameters/dataCategory',
          },
          {
            $ref: '#/components/parameters/hostingKind',
          },
          {
            $ref: '#/components/parameters/q',
          },
          {
            name: 'sort',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
              enum: [
                'name',
                'title',
                'registryNumber',
                'lifecycleStage',
                'platformStatus',
                'updatedAt',
              ],
              default: 'name',
            },
          },
          {
            name: 'order',
            in: 'query',
            required: false,
            schema: {
              type: 'string',
              enum: ['asc', 'desc'],
              default: 'asc',
            },
          },
          {
            name: 'limit',
            in: 'query',
            required: false,
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 500,
              default: 50,
            },
          },
          {
            name: 'cursor',
            in: 'query',
            description:
              'The nextCursor of the previous page, with the same sort and order.',
            required: false,
            allowReserved: true,
            schema: {
              type: 'string',
              maxLength: 2000,
            },
          },
        ],
        responses: {
          '200': {
            description: 'A page of systems.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/SystemPage',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/systems/{namespace}/{name}': {
      get: {
        operationId: 'GetSystem',
        description: 'One system with its full register record.',
        parameters: [
          {
            name: 'namespace',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
            },
          },
          {
            name: 'name',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
            },
          },
        ],
        responses: {
          '200': {
            description: 'The system.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/SystemDetails',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/stats': {
      get: {
        operationId: 'GetStats',
        description:
          'How many systems there are by platform status, lifecycle stage and state body.',
        responses: {
          '200': {
            description: 'The counts.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Stats',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/export.csv': {
      get: {
        operationId: 'ExportCsv',
        description:
          'The register as CSV (UTF-8 with BOM, CRLF, RFC 4180 quoting), streamed, with the same filters as /systems.',
        parameters: [
          {
            $ref: '#/components/parameters/owner',
          },
          {
            $ref: '#/components/parameters/platformStatus',
          },
          {
            $ref: '#/components/parameters/lifecycleStage',
          },
          {
            $ref: '#/components/parameters/critical',
          },
          {
            $ref: '#/components/parameters/dataCategory',
          },
          {
            $ref: '#/components/parameters/hostingKind',
          },
          {
            $ref: '#/components/parameters/q',
          },
        ],
        responses: {
          '200': {
            description: 'The CSV file.',
            content: {
              'text/csv': {
                schema: {
                  type: 'string',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
    '/imports': {
      get: {
        operationId: 'ListImports',
        description: 'The latest register import runs, newest first.',
        parameters: [
          {
            name: 'limit',
            in: 'query',
            required: false,
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 500,
              default: 50,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The import runs.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/Import',
                      },
                    },
                  },
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      post: {
        operationId: 'AddImport',
        description: 'Logs an import run. Service principals only.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/ImportInput',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The run was logged.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['id'],
                  properties: {
                    id: {
                      type: 'string',
                    },
                  },
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
    },
  },
} as const;
