// Generated from openapi.yaml by scripts/generate-openapi.js; do not edit.
// src/schema/openapi.test.ts fails when the two differ.

/** The security readiness API's OpenAPI document. @public */
export const spec = {
  openapi: '3.0.3',
  info: {
    title: 'security-readiness',
    version: '1',
    description:
      "Security readiness of state information systems: each registry system's scorecard (checks, evidence, waivers, level), its history and facts, evaluation runs, the national summary, facts pushed from CI, officers' attestations, waivers and sign-offs, and the officers' review queue. The actor of every change is the signed-in caller; actor fields in a body are ignored.",
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
      namespace: {
        name: 'namespace',
        in: 'path',
        required: true,
        description: "The System entity's namespace, e.g. `default`.",
        schema: {
          type: 'string',
          minLength: 1,
          maxLength: 63,
        },
      },
      name: {
        name: 'name',
        in: 'path',
        required: true,
        description: "The System entity's name, e.g. `e-license`.",
        schema: {
          type: 'string',
          minLength: 1,
          maxLength: 253,
        },
      },
      limit: {
        name: 'limit',
        in: 'query',
        required: false,
        description: 'Page size.',
        schema: {
          type: 'integer',
          minimum: 1,
          maximum: 500,
          default: 50,
        },
      },
      cursor: {
        name: 'cursor',
        in: 'query',
        required: false,
        description: 'The nextCursor of the previous page.',
        schema: {
          type: 'string',
          maxLength: 1000,
        },
      },
    },
    schemas: {
      EntityRef: {
        type: 'string',
        minLength: 1,
        maxLength: 255,
        example: 'system:default/e-license',
      },
      Instant: {
        type: 'string',
        format: 'date-time',
        example: '2026-06-15T06:00:00.000Z',
      },
      CalendarDate: {
        type: 'string',
        pattern: '^\\d{4}-\\d{2}-\\d{2}$',
        example: '2026-03-02',
      },
      ReadinessLevel: {
        type: 'string',
        enum: ['ready', 'conditional', 'not-ready'],
      },
      CheckStatus: {
        type: 'string',
        enum: [
          'pass',
          'partial',
          'fail',
          'unknown',
          'waived',
          'not-applicable',
        ],
      },
      GateRule: {
        type: 'string',
        enum: [
          'operating-without-test-act',
          'personal-data-outside-kazakhstan',
        ],
      },
      WaiverStatus: {
        type: 'string',
        enum: ['requested', 'granted', 'rejected', 'expired'],
      },
      Score: {
        type: 'number',
        nullable: true,
        minimum: 0,
        maximum: 10,
      },
      JsonValue: {
        description: 'Any JSON value.',
      },
      CheckResult: {
        type: 'object',
        required: [
          'checkId',
          'area',
          'applicable',
          'status',
          'score',
          'weight',
          'reason',
          'evidence',
        ],
        properties: {
          checkId: {
            type: 'string',
          },
          area: {
            type: 'string',
          },
          applicable: {
            type: 'boolean',
          },
          status: {
            $ref: '#/components/schemas/CheckStatus',
          },
          score: {
            $ref: '#/components/schemas/Score',
          },
          weight: {
            type: 'number',
          },
          reason: {
            type: 'object',
            required: ['code'],
            description:
              'A code the UI translates, with the values its message needs.',
            properties: {
              code: {
                type: 'string',
              },
              values: {
                type: 'object',
                additionalProperties: true,
              },
            },
          },
          evidence: {
            type: 'object',
            required: ['summary'],
            properties: {
              summary: {
                type: 'string',
              },
              facts: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    type: {
                      type: 'string',
                    },
                    source: {
                      type: 'string',
                    },
                    observedAt: {
                      type: 'string',
                    },
                  },
                },
              },
              attestationId: {
                type: 'string',
              },
              url: {
                type: 'string',
              },
              sha256: {
                type: 'string',
              },
            },
          },
          expiresAt: {
            type: 'string',
          },
          waiverId: {
            type: 'string',
          },
          gate: {
            type: 'object',
            required: ['rule', 'failed'],
            properties: {
              rule: {
                $ref: '#/components/schemas/GateRule',
              },
              failed: {
                type: 'boolean',
              },
            },
          },
        },
      },
      ScorecardResult: {
        type: 'object',
        required: [
          'systemRef',
          'score',
          'level',
          'gatesFailed',
          'checks',
          'evaluatedAt',
        ],
        properties: {
          systemRef: {
            type: 'string',
          },
          score: {
            $ref: '#/components/schemas/Score',
          },
          level: {
            $ref: '#/components/schemas/ReadinessLevel',
          },
          gatesFailed: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/GateRule',
            },
          },
          checks: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/CheckResult',
            },
          },
          evaluatedAt: {
            type: 'string',
          },
          inputsHash: {
            type: 'string',
            description:
              "The digest of the evaluation's inputs; a sign-off names it as its evidenceHash.",
          },
        },
      },
      ScorecardListItem: {
        type: 'object',
        required: [
          'systemRef',
          'title',
          'stateBodyRef',
          'score',
          'level',
          'gatesFailed',
          'evaluatedAt',
        ],
        properties: {
          systemRef: {
            type: 'string',
          },
          title: {
            type: 'string',
          },
          stateBodyRef: {
            type: 'string',
          },
          score: {
            $ref: '#/components/schemas/Score',
          },
          level: {
            $ref: '#/components/schemas/ReadinessLevel',
          },
          gatesFailed: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/GateRule',
            },
          },
          evaluatedAt: {
            type: 'string',
          },
          signedLevel: {
            $ref: '#/components/schemas/ReadinessLevel',
          },
          passedChecks: {
            type: 'array',
            description:
              'With the checks parameter: those of the checks the system passes (pass, waived or not-applicable).',
            items: {
              type: 'string',
            },
          },
        },
      },
      ScorecardPage: {
        type: 'object',
        required: ['items', 'totalCount'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ScorecardListItem',
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
      AttestationResult: {
        description: 'pass (10), fail (0) or a score from 0 to 10.',
        oneOf: [
          {
            type: 'string',
            enum: ['pass', 'fail'],
          },
          {
            type: 'number',
            minimum: 0,
            maximum: 10,
          },
        ],
      },
      AttestationEvidence: {
        type: 'object',
        additionalProperties: false,
        properties: {
          url: {
            type: 'string',
            format: 'uri',
            maxLength: 2000,
          },
          sha256: {
            type: 'string',
            pattern: '^[0-9a-fA-F]{64}$',
            description: 'SHA-256 of the evidence document, 64 hex characters.',
          },
          notes: {
            type: 'string',
            maxLength: 10000,
          },
          performedOn: {
            $ref: '#/components/schemas/CalendarDate',
          },
        },
      },
      Attestation: {
        type: 'object',
        required: [
          'id',
          'systemRef',
          'checkId',
          'result',
          'evidence',
          'attestedBy',
          'attestedAt',
          'expiresAt',
        ],
        properties: {
          id: {
            type: 'string',
          },
          systemRef: {
            type: 'string',
          },
          checkId: {
            type: 'string',
          },
          result: {
            $ref: '#/components/schemas/AttestationResult',
          },
          evidence: {
            $ref: '#/components/schemas/AttestationEvidence',
          },
          attestedBy: {
            type: 'string',
          },
          attestedAt: {
            type: 'string',
          },
          expiresAt: {
            type: 'string',
          },
        },
      },
      Waiver: {
        type: 'object',
        required: [
          'id',
          'systemRef',
          'checkId',
          'justification',
          'requestedBy',
          'requestedAt',
          'expiresAt',
          'status',
        ],
        properties: {
          id: {
            type: 'string',
          },
          systemRef: {
            type: 'string',
          },
          checkId: {
            type: 'string',
          },
          justification: {
            type: 'string',
          },
          requestedBy: {
            type: 'string',
          },
          requestedAt: {
            type: 'string',
          },
          expiresAt: {
            type: 'string',
          },
          status: {
            $ref: '#/components/schemas/WaiverStatus',
          },
          decidedBy: {
            type: 'string',
          },
          decidedAt: {
            type: 'string',
          },
          decisionComment: {
            type: 'string',
          },
        },
      },
      SignOff: {
        type: 'object',
        required: [
          'id',
          'systemRef',
          'level',
          'score',
          'signedBy',
          'signedAt',
          'evidenceHash',
          'results',
        ],
        properties: {
          id: {
            type: 'string',
          },
          systemRef: {
            type: 'string',
          },
          level: {
            $ref: '#/components/schemas/ReadinessLevel',
          },
          score: {
            $ref: '#/components/schemas/Score',
          },
          signedBy: {
            type: 'string',
          },
          signedAt: {
            type: 'string',
          },
          comment: {
            type: 'string',
          },
          evidenceHash: {
            type: 'string',
          },
          results: {
            type: 'array',
            description: 'The check results as they were when signed, frozen.',
            items: {
              $ref: '#/components/schemas/CheckResult',
            },
          },
        },
      },
      Fact: {
        type: 'object',
        required: ['systemRef', 'type', 'source', 'observedAt', 'value'],
        properties: {
          id: {
            type: 'string',
          },
          systemRef: {
            type: 'string',
          },
          type: {
            type: 'string',
          },
          source: {
            type: 'string',
          },
          observedAt: {
            type: 'string',
          },
          value: {
            $ref: '#/components/schemas/JsonValue',
          },
        },
      },
      NewFact: {
        type: 'object',
        required: ['systemRef', 'type', 'source', 'observedAt', 'value'],
        additionalProperties: false,
        properties: {
          systemRef: {
            $ref: '#/components/schemas/EntityRef',
          },
          type: {
            type: 'string',
            pattern: '^[a-z0-9]+(?:[-.:][a-z0-9]+)*$',
            maxLength: 100,
            example: 'findings',
          },
          source: {
            type: 'string',
            minLength: 1,
            maxLength: 200,
            example: 'ci:gitlab',
          },
          observedAt: {
            $ref: '#/components/schemas/Instant',
          },
          value: {
            $ref: '#/components/schemas/JsonValue',
          },
        },
      },
      EvaluationRun: {
        type: 'object',
        required: [
          'id',
          'scope',
          'trigger',
          'status',
          'total',
          'done',
          'changed',
          'startedAt',
        ],
        properties: {
          id: {
            type: 'string',
          },
          scope: {
            type: 'object',
            required: ['kind'],
            properties: {
              kind: {
                type: 'string',
                enum: ['all', 'system'],
              },
              systemRef: {
                type: 'string',
              },
            },
          },
          trigger: {
            type: 'string',
            enum: ['schedule', 'manual'],
          },
          requestedBy: {
            type: 'string',
          },
          status: {
            type: 'string',
            enum: ['queued', 'running', 'succeeded', 'failed'],
          },
          total: {
            type: 'integer',
          },
          done: {
            type: 'integer',
          },
          changed: {
            type: 'integer',
          },
          startedAt: {
            type: 'string',
          },
          finishedAt: {
            type: 'string',
          },
          error: {
            type: 'string',
          },
        },
      },
      HistoryEntry: {
        type: 'object',
        required: [
          'evaluatedAt',
          'score',
          'level',
          'gatesFailed',
          'changedChecks',
        ],
        properties: {
          evaluatedAt: {
            type: 'string',
          },
          score: {
            $ref: '#/components/schemas/Score',
          },
          level: {
            $ref: '#/components/schemas/ReadinessLevel',
          },
          gatesFailed: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/GateRule',
            },
          },
          changedChecks: {
            type: 'array',
            items: {
              type: 'object',
              required: ['checkId', 'from', 'to'],
              properties: {
                checkId: {
                  type: 'string',
                },
                from: {
                  type: 'object',
                  nullable: true,
                  properties: {
                    status: {
                      $ref: '#/components/schemas/CheckStatus',
                    },
                    score: {
                      $ref: '#/components/schemas/Score',
                    },
                  },
                },
                to: {
                  type: 'object',
                  properties: {
                    status: {
                      $ref: '#/components/schemas/CheckStatus',
                    },
                    score: {
                      $ref: '#/components/schemas/Score',
                    },
                  },
                },
              },
            },
          },
          inputsHash: {
            type: 'string',
          },
        },
      },
      LevelCounts: {
        type: 'object',
        required: ['ready', 'conditional', 'not-ready'],
        properties: {
          ready: {
            type: 'integer',
          },
          conditional: {
            type: 'integer',
          },
          'not-ready': {
            type: 'integer',
          },
        },
      },
      ReadinessSummary: {
        type: 'object',
        required: ['total', 'byLevel', 'averageScore', 'byStateBody', 'trend'],
        properties: {
          total: {
            type: 'integer',
          },
          byLevel: {
            $ref: '#/components/schemas/LevelCounts',
          },
          averageScore: {
            $ref: '#/components/schemas/Score',
          },
          byStateBody: {
            type: 'array',
            items: {
              type: 'object',
              required: ['stateBodyRef', 'total', 'byLevel', 'averageScore'],
              properties: {
                stateBodyRef: {
                  type: 'string',
                },
                total: {
                  type: 'integer',
                },
                byLevel: {
                  $ref: '#/components/schemas/LevelCounts',
                },
                averageScore: {
                  $ref: '#/components/schemas/Score',
                },
              },
            },
          },
          trend: {
            type: 'array',
            items: {
              type: 'object',
              required: ['date', 'byLevel', 'averageScore'],
              properties: {
                date: {
                  $ref: '#/components/schemas/CalendarDate',
                },
                byLevel: {
                  $ref: '#/components/schemas/LevelCounts',
                },
                averageScore: {
                  $ref: '#/components/schemas/Score',
                },
              },
            },
          },
          evaluatedAt: {
            type: 'string',
          },
        },
      },
      AllowedAction: {
        type: 'string',
        enum: [
          'attest',
          'request-waiver',
          'decide-waiver',
          'sign-off',
          'evaluate',
        ],
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
      Error: {
        description:
          "A Backstage error body: 400 (the input breaks the spec or a rule; the message names the field), 401, 403 (permission, not the system's owner, or deciding one's own waiver), 404, 409 (already decided, stale evidence, a waiver of the check pending or active).",
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Error',
            },
          },
        },
      },
      EvaluationRun: {
        description: 'The run.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/EvaluationRun',
            },
          },
        },
      },
      Waiver: {
        description: 'The waiver as it is now.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/Waiver',
            },
          },
        },
      },
    },
  },
  paths: {
    '/scorecards': {
      get: {
        operationId: 'ListScorecards',
        description:
          "The systems' latest results. Callers without the read permission see only the systems their groups own.",
        parameters: [
          {
            name: 'level',
            in: 'query',
            required: false,
            description: 'Only systems at one of these levels.',
            schema: {
              type: 'array',
              maxItems: 3,
              items: {
                $ref: '#/components/schemas/ReadinessLevel',
              },
            },
          },
          {
            name: 'stateBody',
            in: 'query',
            required: false,
            description:
              'Only the systems of this state body (Group entity ref).',
            schema: {
              $ref: '#/components/schemas/EntityRef',
            },
          },
          {
            name: 'awaitingSignOff',
            in: 'query',
            required: false,
            description:
              'Only systems never signed off, or whose sign-off is of other evidence than their current result.',
            schema: {
              type: 'boolean',
            },
          },
          {
            name: 'checks',
            in: 'query',
            required: false,
            allowReserved: true,
            description:
              'Check ids, comma-separated: each item then lists in passedChecks those of them the system passes (status pass, waived or not-applicable), e.g. for campaigns whose goal is named checks.',
            schema: {
              type: 'string',
              maxLength: 2000,
              pattern: '^[a-z0-9][a-z0-9-]*(,[a-z0-9][a-z0-9-]*)*$',
            },
          },
          {
            $ref: '#/components/parameters/limit',
          },
          {
            $ref: '#/components/parameters/cursor',
          },
        ],
        responses: {
          '200': {
            description: 'A page of scorecards.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ScorecardPage',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/scorecards/{namespace}/{name}': {
      get: {
        operationId: 'GetScorecard',
        description:
          "The system's latest result with its waivers, attestations, latest sign-off and the actions the caller may take. A registry system never evaluated is evaluated first.",
        parameters: [
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
        ],
        responses: {
          '200': {
            description: 'The scorecard.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: [
                    'result',
                    'waivers',
                    'attestations',
                    'allowedActions',
                  ],
                  properties: {
                    result: {
                      $ref: '#/components/schemas/ScorecardResult',
                    },
                    waivers: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/Waiver',
                      },
                    },
                    attestations: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/Attestation',
                      },
                    },
                    signOff: {
                      $ref: '#/components/schemas/SignOff',
                    },
                    allowedActions: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/AllowedAction',
                      },
                    },
                    evidenceHidden: {
                      type: 'boolean',
                      description:
                        "True when the caller may not read the system's raw evidence (security-readiness.evidence.read: the owning body, security officers, auditors): waivers and attestations are then empty, and check evidence has no links or digests.",
                    },
                  },
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/scorecards/{namespace}/{name}/history': {
      get: {
        operationId: 'GetScorecardHistory',
        description: "The changes of the system's result, newest first.",
        parameters: [
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            $ref: '#/components/parameters/limit',
          },
          {
            name: 'before',
            in: 'query',
            required: false,
            description:
              'Only entries evaluated before this instant (the next page).',
            schema: {
              $ref: '#/components/schemas/Instant',
            },
          },
        ],
        responses: {
          '200': {
            description: 'History entries.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/HistoryEntry',
                      },
                    },
                  },
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/scorecards/{namespace}/{name}/facts': {
      get: {
        operationId: 'GetScorecardFacts',
        description: "The stored versions of the system's facts, newest first.",
        parameters: [
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            name: 'type',
            in: 'query',
            required: false,
            description: 'Only facts of this type.',
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 100,
            },
          },
          {
            $ref: '#/components/parameters/limit',
          },
        ],
        responses: {
          '200': {
            description: 'Facts.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/Fact',
                      },
                    },
                  },
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/scorecards/{namespace}/{name}/signoffs': {
      get: {
        operationId: 'GetScorecardSignOffs',
        description:
          "The system's sign-offs, newest first, with their frozen results.",
        parameters: [
          {
            $ref: '#/components/parameters/namespace',
          },
          {
            $ref: '#/components/parameters/name',
          },
          {
            $ref: '#/components/parameters/limit',
          },
        ],
        responses: {
          '200': {
            description: 'Sign-offs.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/SignOff',
                      },
                    },
                  },
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/evaluate': {
      post: {
        operationId: 'Evaluate',
        description:
          'Evaluates one system now (the answer is a finished run), or queues an evaluation of every system (the answer is the queued or running run, which a second request joins; follow it with GET /runs/{id}).',
        requestBody: {
          required: false,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                additionalProperties: false,
                properties: {
                  systemRef: {
                    $ref: '#/components/schemas/EntityRef',
                  },
                },
              },
            },
          },
        },
        responses: {
          '202': {
            $ref: '#/components/responses/EvaluationRun',
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/runs': {
      get: {
        operationId: 'ListRuns',
        description: 'The latest evaluation runs, newest first.',
        parameters: [
          {
            name: 'limit',
            in: 'query',
            required: false,
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 100,
              default: 20,
            },
          },
        ],
        responses: {
          '200': {
            description: 'Runs.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/EvaluationRun',
                      },
                    },
                  },
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/runs/{id}': {
      get: {
        operationId: 'GetRun',
        parameters: [
          {
            name: 'id',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 100,
            },
          },
        ],
        responses: {
          '200': {
            $ref: '#/components/responses/EvaluationRun',
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/summary': {
      get: {
        operationId: 'GetSummary',
        description:
          'The national picture — by level, by state body — and the trend.',
        parameters: [
          {
            name: 'days',
            in: 'query',
            required: false,
            description: 'How many days of trend to return.',
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 1095,
              default: 90,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The summary.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/ReadinessSummary',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/facts': {
      post: {
        operationId: 'PushFacts',
        description:
          'Facts from CI or an external tool (service credentials only, e.g. a static token). A fact equal to a stored one (system, type, source, observedAt) is skipped. Values are at most 256 KB each. The facts count from the next evaluation.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['facts'],
                additionalProperties: false,
                properties: {
                  facts: {
                    type: 'array',
                    minItems: 1,
                    maxItems: 1000,
                    items: {
                      $ref: '#/components/schemas/NewFact',
                    },
                  },
                },
              },
            },
          },
        },
        responses: {
          '202': {
            description: 'How many facts were new.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['inserted'],
                  properties: {
                    inserted: {
                      type: 'integer',
                    },
                  },
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/attestations': {
      post: {
        operationId: 'CreateAttestation',
        description:
          "A security officer's result of a check that accepts attestations, with evidence. The expiry defaults to the check's validity (12 months) and may not exceed it. The system is re-evaluated.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['systemRef', 'checkId', 'result', 'evidence'],
                additionalProperties: false,
                properties: {
                  systemRef: {
                    $ref: '#/components/schemas/EntityRef',
                  },
                  checkId: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 100,
                  },
                  result: {
                    $ref: '#/components/schemas/AttestationResult',
                  },
                  evidence: {
                    $ref: '#/components/schemas/AttestationEvidence',
                  },
                  expiresAt: {
                    $ref: '#/components/schemas/Instant',
                  },
                  attestedBy: {
                    type: 'string',
                    description:
                      'Ignored; the attesting officer is the caller.',
                  },
                },
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The attestation.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/Attestation',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/waivers': {
      post: {
        operationId: 'RequestWaiver',
        description:
          'Asks to leave one check of one system out of its score until a date (at most 12 months ahead). The caller must own the system, unless they may decide waivers.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: [
                  'systemRef',
                  'checkId',
                  'justification',
                  'expiresAt',
                ],
                additionalProperties: false,
                properties: {
                  systemRef: {
                    $ref: '#/components/schemas/EntityRef',
                  },
                  checkId: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 100,
                  },
                  justification: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 10000,
                  },
                  expiresAt: {
                    $ref: '#/components/schemas/Instant',
                  },
                  requestedBy: {
                    type: 'string',
                    description: 'Ignored; the requester is the caller.',
                  },
                },
              },
            },
          },
        },
        responses: {
          '201': {
            $ref: '#/components/responses/Waiver',
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/waivers/{id}/decision': {
      post: {
        operationId: 'DecideWaiver',
        description:
          'Grants or rejects a requested waiver. The decider may not be the requester; a rejection needs a comment; a grant may shorten the waiver, never lengthen it. The system is re-evaluated.',
        parameters: [
          {
            name: 'id',
            in: 'path',
            required: true,
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 100,
            },
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['decision'],
                additionalProperties: false,
                properties: {
                  decision: {
                    type: 'string',
                    enum: ['granted', 'rejected'],
                  },
                  comment: {
                    type: 'string',
                    maxLength: 10000,
                  },
                  expiresAt: {
                    $ref: '#/components/schemas/Instant',
                  },
                  decidedBy: {
                    type: 'string',
                    description: 'Ignored; the decider is the caller.',
                  },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            $ref: '#/components/responses/Waiver',
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/signoffs': {
      post: {
        operationId: 'CreateSignOff',
        description:
          "Signs off the system's current result, freezing its check results. evidenceHash must be the inputsHash of the result the officer reviewed; when the result changed since, the answer is 409.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['systemRef', 'evidenceHash'],
                additionalProperties: false,
                properties: {
                  systemRef: {
                    $ref: '#/components/schemas/EntityRef',
                  },
                  comment: {
                    type: 'string',
                    maxLength: 10000,
                  },
                  evidenceHash: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 200,
                  },
                  signedBy: {
                    type: 'string',
                    description: 'Ignored; the signing officer is the caller.',
                  },
                },
              },
            },
          },
        },
        responses: {
          '201': {
            description: 'The sign-off.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/SignOff',
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/review-queue': {
      get: {
        operationId: 'GetReviewQueue',
        description:
          'What awaits the security officers: systems to sign off, attestations expiring soon, waivers to decide.',
        parameters: [
          {
            name: 'limit',
            in: 'query',
            required: false,
            description: 'At most this many items in each list.',
            schema: {
              type: 'integer',
              minimum: 1,
              maximum: 500,
              default: 100,
            },
          },
        ],
        responses: {
          '200': {
            description: 'The queue.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: [
                    'awaitingSignOff',
                    'expiringAttestations',
                    'pendingWaivers',
                  ],
                  properties: {
                    awaitingSignOff: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/ScorecardListItem',
                      },
                    },
                    expiringAttestations: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/Attestation',
                      },
                    },
                    pendingWaivers: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/Waiver',
                      },
                    },
                  },
                },
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
  },
} as const;
