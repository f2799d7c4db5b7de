// Generated from openapi.yaml by scripts/generate-openapi.js; do not edit.
// src/schema/openapi.test.ts fails when the two differ.

/** The registry API's OpenAPI document. @public */
export const spec = {
  openapi: '3.0.3',
  info: {
    title: 'registry',
    version: '1',
    description:
      'The register of state information systems: a projection of the catalog for filtered lists, statistics, CSV export and the import log; campaigns (national deadlines) with their progress; similar systems and the integration graph.',
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
      sep: {
        name: 'sep',
        in: 'query',
        required: false,
        allowReserved: true,
        description:
          'The field separator: `,` (the default, RFC 4180) or `;`, which Excel and LibreOffice expect in the ru and kk locales. Anything else is a 400.',
        schema: {
          type: 'string',
          enum: [',', ';'],
        },
      },
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
      unverified: {
        name: 'unverified',
        in: 'query',
        description:
          'Only systems whose record claims more than the evidence shows (true), or only those whose claims are all borne out (false). See docs/moratorium-rule.md.',
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
      campaignId: {
        name: 'id',
        in: 'path',
        required: true,
        schema: {
          type: 'string',
          maxLength: 63,
        },
      },
    },
    schemas: {
      UserLanguage: {
        type: 'string',
        enum: ['ru', 'kk', 'en'],
        description: 'Russian, Kazakh or English.',
      },
      UserLanguageInput: {
        type: 'object',
        additionalProperties: false,
        required: ['language'],
        properties: {
          language: {
            $ref: '#/components/schemas/UserLanguage',
          },
        },
      },
      UserLanguageSetting: {
        type: 'object',
        required: ['language', 'picked'],
        properties: {
          language: {
            $ref: '#/components/schemas/UserLanguage',
          },
          picked: {
            type: 'boolean',
            description: 'Whether the user picked it, false for the default.',
          },
        },
      },
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
          unverifiedClaims: {
            type: 'array',
            description:
              "Claims of the system's own record that the evidence does not bear out; the status is computed on the evidence. Absent when none.",
            items: {
              $ref: '#/components/schemas/UnverifiedClaim',
            },
          },
          updatedAt: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
      UnverifiedClaim: {
        type: 'object',
        required: ['field', 'claimed', 'evidence', 'source'],
        properties: {
          field: {
            type: 'string',
            enum: ['createdAt', 'onPlatform', 'exemption', 'owner'],
          },
          claimed: {
            type: 'string',
            description:
              "What the record claims (a date, true, a decision number or the owner's Group ref).",
            example: '2025-12-01',
          },
          evidence: {
            type: 'string',
            description: 'What the evidence shows; the status uses this.',
            example: '2026-12-07',
          },
          source: {
            type: 'string',
            enum: [
              'register',
              'first-seen',
              'platform-inventory',
              'none',
              'catalog',
            ],
            description: 'Where the evidence comes from.',
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
      LocalizedText: {
        type: 'object',
        required: ['ru', 'kk', 'en'],
        additionalProperties: false,
        properties: {
          ru: {
            type: 'string',
            minLength: 1,
            maxLength: 500,
          },
          kk: {
            type: 'string',
            minLength: 1,
            maxLength: 500,
          },
          en: {
            type: 'string',
            minLength: 1,
            maxLength: 500,
          },
        },
      },
      CampaignState: {
        type: 'string',
        enum: ['draft', 'active', 'ended', 'archived'],
      },
      ProgressStatus: {
        type: 'string',
        enum: ['late', 'at-risk', 'on-track', 'done'],
      },
      CampaignScope: {
        type: 'object',
        description:
          'Which registry systems the campaign covers; every given field must match, an empty scope covers every system.',
        additionalProperties: false,
        properties: {
          stateBodies: {
            type: 'array',
            maxItems: 500,
            items: {
              type: 'string',
              maxLength: 255,
            },
          },
          lifecycleStages: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/LifecycleStage',
            },
          },
          platformStatuses: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/PlatformStatus',
            },
          },
          critical: {
            type: 'boolean',
          },
          hostingKinds: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/HostingKind',
            },
          },
          onPlatform: {
            type: 'boolean',
          },
        },
      },
      CampaignGoal: {
        type: 'object',
        description:
          'What each system must achieve: kind readiness-level (with level ready or conditional), platform-status (with statuses) or checks-pass (with checkIds).',
        required: ['kind'],
        additionalProperties: false,
        properties: {
          kind: {
            type: 'string',
            enum: ['readiness-level', 'platform-status', 'checks-pass'],
          },
          level: {
            type: 'string',
            enum: ['ready', 'conditional'],
          },
          statuses: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/PlatformStatus',
            },
          },
          checkIds: {
            type: 'array',
            maxItems: 50,
            items: {
              type: 'string',
              maxLength: 100,
            },
          },
        },
      },
      Milestone: {
        type: 'object',
        required: ['date', 'share'],
        additionalProperties: false,
        properties: {
          date: {
            type: 'string',
            format: 'date',
          },
          share: {
            type: 'number',
            description:
              '0..1 of the systems in scope done by the end of the date (Asia/Almaty).',
          },
          title: {
            $ref: '#/components/schemas/LocalizedText',
          },
        },
      },
      CampaignInput: {
        type: 'object',
        required: [
          'title',
          'owner',
          'scope',
          'goal',
          'startDate',
          'milestones',
        ],
        additionalProperties: false,
        properties: {
          id: {
            type: 'string',
            description: 'A slug; made from the English title when absent.',
            maxLength: 63,
          },
          title: {
            $ref: '#/components/schemas/LocalizedText',
          },
          description: {
            $ref: '#/components/schemas/LocalizedText',
          },
          owner: {
            type: 'string',
            description:
              'The User or Group entity ref that answers for the campaign.',
            maxLength: 255,
          },
          scope: {
            $ref: '#/components/schemas/CampaignScope',
          },
          goal: {
            $ref: '#/components/schemas/CampaignGoal',
          },
          startDate: {
            type: 'string',
            format: 'date',
          },
          milestones: {
            type: 'array',
            maxItems: 24,
            items: {
              $ref: '#/components/schemas/Milestone',
            },
          },
          state: {
            type: 'string',
            enum: ['draft', 'active'],
            description: 'On create only; draft when absent.',
          },
          version: {
            type: 'integer',
            minimum: 1,
            description: 'On update, required; the version being changed.',
          },
        },
      },
      Campaign: {
        type: 'object',
        required: [
          'id',
          'title',
          'owner',
          'scope',
          'goal',
          'startDate',
          'milestones',
          'state',
          'source',
          'version',
          'createdAt',
          'updatedAt',
        ],
        properties: {
          id: {
            type: 'string',
          },
          title: {
            $ref: '#/components/schemas/LocalizedText',
          },
          description: {
            $ref: '#/components/schemas/LocalizedText',
          },
          owner: {
            type: 'string',
          },
          scope: {
            $ref: '#/components/schemas/CampaignScope',
          },
          goal: {
            $ref: '#/components/schemas/CampaignGoal',
          },
          startDate: {
            type: 'string',
          },
          milestones: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Milestone',
            },
          },
          state: {
            $ref: '#/components/schemas/CampaignState',
          },
          source: {
            type: 'string',
            enum: ['app', 'config'],
            description: 'Campaigns from config are read-only in the app.',
          },
          version: {
            type: 'integer',
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
          updatedAt: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
      CampaignSummary: {
        description:
          'A campaign with its last computed progress (absent before the first).',
        allOf: [
          {
            $ref: '#/components/schemas/Campaign',
          },
          {
            type: 'object',
            properties: {
              progress: {
                type: 'object',
                required: [
                  'status',
                  'share',
                  'total',
                  'done',
                  'requiredShare',
                  'bodies',
                  'computedAt',
                ],
                properties: {
                  status: {
                    $ref: '#/components/schemas/ProgressStatus',
                  },
                  share: {
                    type: 'number',
                  },
                  total: {
                    type: 'integer',
                  },
                  done: {
                    type: 'integer',
                  },
                  requiredShare: {
                    type: 'number',
                    description:
                      'The share the passed milestones ask for by today.',
                  },
                  nextMilestone: {
                    $ref: '#/components/schemas/Milestone',
                  },
                  bodies: {
                    type: 'object',
                    description: 'How many state bodies have each status.',
                    additionalProperties: {
                      type: 'integer',
                    },
                  },
                  computedAt: {
                    type: 'string',
                    format: 'date-time',
                  },
                },
              },
            },
          },
        ],
      },
      CampaignAction: {
        type: 'object',
        description:
          'What a system must still do, as a code (done, reach-readiness, move-to-platform, pass-checks) and the values the UI needs.',
        required: ['code'],
        properties: {
          code: {
            type: 'string',
            enum: [
              'done',
              'reach-readiness',
              'move-to-platform',
              'pass-checks',
            ],
          },
          values: {
            type: 'object',
            additionalProperties: {},
          },
        },
      },
      CampaignBody: {
        type: 'object',
        required: [
          'stateBodyRef',
          'title',
          'responsible',
          'total',
          'done',
          'share',
          'status',
        ],
        properties: {
          stateBodyRef: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          responsible: {
            type: 'array',
            description: "User refs of the body's digitalization heads.",
            items: {
              type: 'string',
            },
          },
          total: {
            type: 'integer',
          },
          done: {
            type: 'integer',
          },
          share: {
            type: 'number',
          },
          status: {
            $ref: '#/components/schemas/ProgressStatus',
          },
        },
      },
      CampaignSystem: {
        type: 'object',
        required: [
          'entityRef',
          'title',
          'stateBodyRef',
          'status',
          'done',
          'whatToDo',
        ],
        properties: {
          entityRef: {
            type: 'string',
          },
          title: {
            $ref: '#/components/schemas/Title',
          },
          stateBodyRef: {
            type: 'string',
          },
          status: {
            $ref: '#/components/schemas/ProgressStatus',
          },
          done: {
            type: 'boolean',
          },
          whatToDo: {
            $ref: '#/components/schemas/CampaignAction',
          },
        },
      },
      CampaignProgress: {
        type: 'object',
        required: [
          'campaign',
          'status',
          'share',
          'total',
          'done',
          'requiredShare',
          'bodies',
          'systems',
          'history',
        ],
        properties: {
          campaign: {
            $ref: '#/components/schemas/Campaign',
          },
          status: {
            $ref: '#/components/schemas/ProgressStatus',
          },
          share: {
            type: 'number',
          },
          total: {
            type: 'integer',
          },
          done: {
            type: 'integer',
          },
          requiredShare: {
            type: 'number',
            description: 'The share the passed milestones ask for by today.',
          },
          nextMilestone: {
            $ref: '#/components/schemas/Milestone',
          },
          bodies: {
            type: 'array',
            description: 'State bodies, late first, then by the lowest share.',
            items: {
              $ref: '#/components/schemas/CampaignBody',
            },
          },
          systems: {
            type: 'object',
            required: ['items', 'totalCount'],
            properties: {
              items: {
                type: 'array',
                items: {
                  $ref: '#/components/schemas/CampaignSystem',
                },
              },
              nextCursor: {
                type: 'string',
              },
              totalCount: {
                type: 'integer',
              },
            },
          },
          history: {
            type: 'array',
            description:
              'One point a day, oldest first, for the burn-up chart.',
            items: {
              type: 'object',
              required: ['date', 'total', 'done', 'share'],
              properties: {
                date: {
                  type: 'string',
                },
                total: {
                  type: 'integer',
                },
                done: {
                  type: 'integer',
                },
                share: {
                  type: 'number',
                },
                byBody: {
                  type: 'object',
                  additionalProperties: {
                    type: 'object',
                    required: ['total', 'done'],
                    properties: {
                      total: {
                        type: 'integer',
                      },
                      done: {
                        type: 'integer',
                      },
                    },
                  },
                },
              },
            },
          },
          computedAt: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
      SystemCampaign: {
        type: 'object',
        required: [
          'id',
          'title',
          'state',
          'goal',
          'status',
          'done',
          'whatToDo',
        ],
        properties: {
          id: {
            type: 'string',
          },
          title: {
            $ref: '#/components/schemas/LocalizedText',
          },
          state: {
            $ref: '#/components/schemas/CampaignState',
          },
          goal: {
            $ref: '#/components/schemas/CampaignGoal',
          },
          nextMilestone: {
            $ref: '#/components/schemas/Milestone',
          },
          status: {
            $ref: '#/components/schemas/ProgressStatus',
          },
          done: {
            type: 'boolean',
          },
          whatToDo: {
            $ref: '#/components/schemas/CampaignAction',
          },
        },
      },
      SimilarSystem: {
        type: 'object',
        required: [
          'entityRef',
          'title',
          'stateBodyRef',
          'platformStatus',
          'sharedTerms',
          'score',
        ],
        properties: {
          entityRef: {
            type: 'string',
          },
          title: {
            $ref: '#/components/schemas/Title',
          },
          stateBodyRef: {
            type: 'string',
          },
          platformStatus: {
            $ref: '#/components/schemas/PlatformStatus',
          },
          sharedTerms: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
          score: {
            type: 'number',
          },
        },
      },
      IntegrationGraph: {
        type: 'object',
        required: ['nodes', 'edges'],
        properties: {
          nodes: {
            type: 'array',
            items: {
              type: 'object',
              required: ['entityRef', 'title', 'registered'],
              properties: {
                entityRef: {
                  type: 'string',
                },
                title: {
                  $ref: '#/components/schemas/Title',
                },
                stateBodyRef: {
                  type: 'string',
                },
                platformStatus: {
                  $ref: '#/components/schemas/PlatformStatus',
                },
                registered: {
                  type: 'boolean',
                },
              },
            },
          },
          edges: {
            type: 'array',
            items: {
              type: 'object',
              required: ['from', 'to', 'via'],
              properties: {
                from: {
                  type: 'string',
                },
                to: {
                  type: 'string',
                },
                via: {
                  type: 'string',
                  enum: ['shep', 'direct'],
                },
              },
            },
          },
          truncated: {
            type: 'boolean',
            description: 'True when more systems matched than the graph holds.',
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
            $ref: '#/components/parameters/unverified',
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
            $ref: '#/components/parameters/unverified',
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
            $ref: '#/components/parameters/sep',
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
    '/campaigns': {
      get: {
        operationId: 'ListCampaigns',
        description:
          'Campaigns with their last computed progress, newest start first.',
        parameters: [
          {
            name: 'state',
            in: 'query',
            description: 'Only campaigns in these states; repeat for several.',
            required: false,
            style: 'form',
            explode: true,
            schema: {
              type: 'array',
              items: {
                $ref: '#/components/schemas/CampaignState',
              },
            },
          },
        ],
        responses: {
          '200': {
            description: 'The campaigns.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/CampaignSummary',
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
        operationId: 'CreateCampaign',
        description:
          'Defines a campaign (permission registry.campaign.create). It starts as a draft unless state is active; progress is computed at once.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/CampaignInput',
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The campaign.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Campaign',
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
    '/campaigns/{id}': {
      get: {
        operationId: 'GetCampaign',
        description: 'One campaign with its last computed progress.',
        parameters: [
          {
            $ref: '#/components/parameters/campaignId',
          },
        ],
        responses: {
          '200': {
            description: 'The campaign.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/CampaignSummary',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      put: {
        operationId: 'UpdateCampaign',
        description:
          "Replaces an app campaign's definition (permission registry.campaign.update). The body names the version it changes; a campaign changed since is a 409. Config campaigns are read-only.",
        parameters: [
          {
            $ref: '#/components/parameters/campaignId',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/CampaignInput',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The changed campaign.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Campaign',
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
    '/campaigns/{id}/state': {
      post: {
        operationId: 'SetCampaignState',
        description:
          'Moves a campaign draft → active → ended → archived (a draft may also be archived); permission registry.campaign.update.',
        parameters: [
          {
            $ref: '#/components/parameters/campaignId',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['state', 'version'],
                additionalProperties: false,
                properties: {
                  state: {
                    $ref: '#/components/schemas/CampaignState',
                  },
                  version: {
                    type: 'integer',
                    minimum: 1,
                  },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The campaign in its new state.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Campaign',
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
    '/campaigns/{id}/progress': {
      get: {
        operationId: 'GetCampaignProgress',
        description:
          'Where the campaign stands: overall, by state body (late first) and a page of systems (filter by body and status), with the daily history for the burn-up chart.',
        parameters: [
          {
            $ref: '#/components/parameters/campaignId',
          },
          {
            name: 'stateBody',
            in: 'query',
            description: "Only this state body's systems and history.",
            required: false,
            allowReserved: true,
            schema: {
              type: 'string',
              maxLength: 255,
            },
          },
          {
            name: 'status',
            in: 'query',
            description:
              'Only systems with these statuses; repeat for several.',
            required: false,
            style: 'form',
            explode: true,
            schema: {
              type: 'array',
              items: {
                $ref: '#/components/schemas/ProgressStatus',
              },
            },
          },
          {
            name: 'byBody',
            in: 'query',
            description: 'Also give each history point per state body.',
            required: false,
            schema: {
              type: 'boolean',
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
            description: "The systems' nextCursor of the previous page.",
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
            description: 'The progress.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/CampaignProgress',
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
    '/campaigns/{id}/late.csv': {
      get: {
        operationId: 'ExportLateSystems',
        description:
          'The late systems as CSV (UTF-8 with BOM, CRLF, RFC 4180 quoting), with their state body, its responsible officials and what to do.',
        parameters: [
          {
            $ref: '#/components/parameters/campaignId',
          },
          {
            name: 'stateBody',
            in: 'query',
            required: false,
            allowReserved: true,
            schema: {
              type: 'string',
              maxLength: 255,
            },
          },
          {
            $ref: '#/components/parameters/sep',
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
    '/systems/{namespace}/{name}/campaigns': {
      get: {
        operationId: 'GetSystemCampaigns',
        description:
          'The campaigns (not archived) the system is in, with its status in each.',
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
            description: 'The campaigns.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/SystemCampaign',
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
    },
    '/systems/{namespace}/{name}/similar': {
      get: {
        operationId: 'GetSimilarSystems',
        description:
          "Systems whose titles share meaningful words with this system's title and purpose (the register's search), closest first.",
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
            description: 'The similar systems.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/SimilarSystem',
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
    },
    '/integrations': {
      get: {
        operationId: 'GetIntegrations',
        description:
          "The integrations between registry systems from their records, as nodes and edges; with stateBody, the body's systems and every system they exchange data with.",
        parameters: [
          {
            name: 'stateBody',
            in: 'query',
            required: false,
            allowReserved: true,
            schema: {
              type: 'string',
              maxLength: 255,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The graph.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/IntegrationGraph',
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
    '/me/language': {
      get: {
        operationId: 'GetMyLanguage',
        description:
          'The language the signed-in user picked in Settings, in which their notifications are written; ru when they never picked one.',
        responses: {
          '200': {
            description: 'The language.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/UserLanguageSetting',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/ErrorResponse',
          },
        },
      },
      put: {
        operationId: 'SetMyLanguage',
        description:
          'Records the language the signed-in user picked in Settings. Only a user sets their own language.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/UserLanguageInput',
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The recorded language.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/UserLanguageSetting',
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
    '/user-languages': {
      post: {
        operationId: 'LookUpUserLanguages',
        description:
          'The recorded languages of the given users, for other backend plugins that write notifications (users who never picked one are left out). Open to service callers only.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                required: ['userRefs'],
                properties: {
                  userRefs: {
                    type: 'array',
                    maxItems: 10000,
                    items: {
                      type: 'string',
                      maxLength: 255,
                    },
                  },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'The languages.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        type: 'object',
                        required: ['userRef', 'language'],
                        properties: {
                          userRef: {
                            type: 'string',
                          },
                          language: {
                            $ref: '#/components/schemas/UserLanguage',
                          },
                        },
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
    },
  },
} as const;
