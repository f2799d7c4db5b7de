// Generated from openapi.yaml by scripts/generate-openapi.js; do not edit.
// src/schema/openapi.test.ts fails when the two differ.

/** The moratorium API's OpenAPI document. @public */
export const spec = {
  openapi: '3.0.3',
  info: {
    title: 'moratorium',
    version: '1',
    description:
      'The exemption workflow of the moratorium: requests, reviews, commission votes and decisions, conditions, deadlines, the exemption source of the register and the hash-chained audit record. Every POST and PUT accepts an Idempotency-Key header; the same key with the same body replays the first response, with another body it is a 409.',
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
      id: {
        name: 'id',
        in: 'path',
        required: true,
        description: "The request's id.",
        schema: {
          type: 'string',
          minLength: 1,
          maxLength: 100,
        },
      },
      idempotencyKey: {
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description:
          'A key the client chooses per logical operation (e.g. a UUID). A retry with the same key and body gets the first response again; the same key with another body is a 409.',
        schema: {
          type: 'string',
          minLength: 1,
          maxLength: 200,
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
      system: {
        name: 'system',
        in: 'query',
        required: false,
        description: 'The System entity ref the request is about.',
        schema: {
          type: 'string',
          minLength: 1,
          maxLength: 255,
        },
      },
      stateBody: {
        name: 'stateBody',
        in: 'query',
        required: false,
        description: 'The Group ref of the applicant state body.',
        schema: {
          type: 'string',
          minLength: 1,
          maxLength: 255,
        },
      },
    },
    schemas: {
      CalendarDate: {
        type: 'string',
        pattern: '^\\d{4}-\\d{2}-\\d{2}$',
        example: '2026-03-02',
      },
      RequestState: {
        type: 'string',
        enum: [
          'draft',
          'submitted',
          'platform-review',
          'ministry-review',
          'info-requested',
          'on-agenda',
          'approved',
          'approved-with-conditions',
          'rejected',
          'deferred',
          'withdrawn',
          'expired',
          'revoked',
        ],
      },
      RequestAction: {
        type: 'string',
        enum: [
          'submit',
          'accept',
          'return',
          'complete-platform-review',
          'request-info',
          'provide-info',
          'set-agenda',
          'propose-decision',
          'decide',
          'withdraw',
          'propose-revocation',
          'revoke',
          'expire',
          'mark-condition',
        ],
      },
      DecisionOutcome: {
        type: 'string',
        enum: ['approved', 'approved-with-conditions', 'rejected', 'deferred'],
      },
      VoteChoice: {
        type: 'string',
        enum: ['for', 'against', 'abstain', 'recuse'],
      },
      Title: {
        type: 'object',
        properties: {
          ru: {
            type: 'string',
            maxLength: 500,
          },
          kk: {
            type: 'string',
            maxLength: 500,
          },
          en: {
            type: 'string',
            maxLength: 500,
          },
        },
      },
      RequestSystem: {
        type: 'object',
        description:
          'The system: one in the register (existing) or one not yet registered (planned, with the entity ref it will get and its title).',
        required: ['kind', 'entityRef'],
        properties: {
          kind: {
            type: 'string',
            enum: ['existing', 'planned'],
          },
          entityRef: {
            type: 'string',
            minLength: 1,
            maxLength: 255,
            example: 'system:default/e-licensing',
          },
          title: {
            $ref: '#/components/schemas/Title',
          },
        },
      },
      RequestContent: {
        type: 'object',
        description:
          'What the applicant fills in. A draft may leave anything out; submission requires everything except attachments.',
        additionalProperties: false,
        properties: {
          system: {
            $ref: '#/components/schemas/RequestSystem',
          },
          stateBodyRef: {
            type: 'string',
            maxLength: 255,
            example: 'group:default/mcriap',
          },
          purpose: {
            type: 'string',
            maxLength: 10000,
          },
          capabilityGaps: {
            type: 'array',
            maxItems: 100,
            items: {
              type: 'object',
              required: ['capability', 'reason'],
              properties: {
                capability: {
                  type: 'string',
                  maxLength: 1000,
                },
                reason: {
                  type: 'string',
                  maxLength: 10000,
                },
              },
            },
          },
          cost: {
            type: 'object',
            properties: {
              amountKzt: {
                type: 'number',
                minimum: 0,
              },
              budgetProgramme: {
                type: 'string',
                maxLength: 1000,
              },
            },
          },
          dataCategories: {
            type: 'array',
            maxItems: 20,
            items: {
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
          },
          hosting: {
            type: 'object',
            properties: {
              kind: {
                type: 'string',
                enum: ['platform', 'state-operator-dc', 'own', 'commercial'],
              },
              country: {
                type: 'string',
                maxLength: 2,
              },
              provider: {
                type: 'string',
                maxLength: 500,
              },
            },
          },
          securityPlan: {
            type: 'string',
            maxLength: 20000,
          },
          exitPlan: {
            type: 'string',
            maxLength: 20000,
          },
          attachments: {
            type: 'array',
            maxItems: 100,
            items: {
              type: 'object',
              required: ['title', 'url', 'sha256'],
              properties: {
                title: {
                  type: 'string',
                  maxLength: 500,
                },
                url: {
                  type: 'string',
                  maxLength: 2000,
                },
                sha256: {
                  type: 'string',
                  pattern: '^[0-9a-f]{64}$',
                },
              },
            },
          },
        },
      },
      TransitionBody: {
        type: 'object',
        description:
          'One action and what it carries (see TransitionInput in @qaztech/plugin-moratorium-common); which fields an action needs is checked after the spec, with a message naming the missing field.',
        required: ['action'],
        additionalProperties: false,
        properties: {
          action: {
            $ref: '#/components/schemas/RequestAction',
          },
          version: {
            type: 'integer',
            minimum: 0,
            description:
              'The version the client saw; a different current version is a 409.',
          },
          reason: {
            type: 'string',
            maxLength: 10000,
          },
          finding: {
            type: 'string',
            enum: [
              'platform-cannot-serve',
              'platform-partially-serves',
              'platform-can-serve',
            ],
          },
          text: {
            type: 'string',
            maxLength: 20000,
          },
          questions: {
            type: 'string',
            maxLength: 20000,
          },
          answer: {
            type: 'string',
            maxLength: 20000,
          },
          content: {
            $ref: '#/components/schemas/RequestContent',
          },
          sittingDate: {
            $ref: '#/components/schemas/CalendarDate',
          },
          ministryOpinion: {
            type: 'object',
            required: ['recommendation', 'text'],
            properties: {
              recommendation: {
                type: 'string',
                enum: ['approve', 'reject'],
              },
              text: {
                type: 'string',
                maxLength: 20000,
              },
            },
          },
          outcome: {
            $ref: '#/components/schemas/DecisionOutcome',
          },
          protocolNumber: {
            type: 'string',
            maxLength: 100,
          },
          reasons: {
            type: 'string',
            maxLength: 20000,
          },
          expiresAt: {
            $ref: '#/components/schemas/CalendarDate',
          },
          conditions: {
            type: 'array',
            maxItems: 50,
            items: {
              type: 'object',
              required: ['text', 'dueDate'],
              properties: {
                text: {
                  type: 'string',
                  maxLength: 5000,
                },
                dueDate: {
                  $ref: '#/components/schemas/CalendarDate',
                },
              },
            },
          },
          conditionId: {
            type: 'string',
            maxLength: 100,
          },
          status: {
            type: 'string',
            enum: ['met'],
          },
          evidence: {
            type: 'string',
            maxLength: 10000,
          },
        },
      },
      Deadline: {
        type: 'object',
        required: ['subject', 'dueAt', 'overdue'],
        properties: {
          subject: {
            type: 'string',
          },
          dueAt: {
            type: 'string',
            format: 'date-time',
          },
          pausedAt: {
            type: 'string',
            format: 'date-time',
          },
          remainingWorkingDays: {
            type: 'integer',
          },
          overdue: {
            type: 'boolean',
          },
        },
      },
      Vote: {
        type: 'object',
        required: ['member', 'choice', 'at'],
        properties: {
          member: {
            type: 'string',
          },
          choice: {
            $ref: '#/components/schemas/VoteChoice',
          },
          opinion: {
            type: 'string',
          },
          at: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
      VoteTally: {
        type: 'object',
        required: [
          'for',
          'against',
          'abstain',
          'recused',
          'eligible',
          'quorum',
          'quorumReached',
          'supportedOutcomes',
        ],
        properties: {
          for: {
            type: 'integer',
          },
          against: {
            type: 'integer',
          },
          abstain: {
            type: 'integer',
          },
          recused: {
            type: 'integer',
          },
          eligible: {
            type: 'integer',
          },
          quorum: {
            type: 'integer',
          },
          quorumReached: {
            type: 'boolean',
          },
          supportedOutcomes: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/DecisionOutcome',
            },
          },
        },
      },
      Condition: {
        type: 'object',
        required: ['id', 'text', 'dueDate', 'status'],
        properties: {
          id: {
            type: 'string',
          },
          text: {
            type: 'string',
          },
          dueDate: {
            $ref: '#/components/schemas/CalendarDate',
          },
          status: {
            type: 'string',
            enum: ['open', 'met', 'missed'],
          },
          resolvedAt: {
            type: 'string',
            format: 'date-time',
          },
          resolvedBy: {
            type: 'string',
          },
          evidence: {
            type: 'string',
          },
        },
      },
      Decision: {
        type: 'object',
        required: [
          'requestId',
          'outcome',
          'protocolNumber',
          'sittingDate',
          'conditions',
          'recordedBy',
          'recordedAt',
        ],
        properties: {
          requestId: {
            type: 'string',
          },
          outcome: {
            $ref: '#/components/schemas/DecisionOutcome',
          },
          protocolNumber: {
            type: 'string',
          },
          sittingDate: {
            $ref: '#/components/schemas/CalendarDate',
          },
          reasons: {
            type: 'string',
          },
          expiresAt: {
            $ref: '#/components/schemas/CalendarDate',
          },
          conditions: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Condition',
            },
          },
          recordedBy: {
            type: 'string',
          },
          recordedAt: {
            type: 'string',
            format: 'date-time',
          },
        },
      },
      Sitting: {
        type: 'object',
        required: ['id', 'date', 'requestIds'],
        properties: {
          id: {
            type: 'string',
          },
          date: {
            $ref: '#/components/schemas/CalendarDate',
          },
          requestIds: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
      },
      SimilarSystem: {
        type: 'object',
        required: ['entityRef', 'title', 'matchedTerms'],
        properties: {
          entityRef: {
            type: 'string',
          },
          title: {
            $ref: '#/components/schemas/Title',
          },
          registryNumber: {
            type: 'string',
          },
          ownerRef: {
            type: 'string',
          },
          matchedTerms: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
      },
      HistoryEntry: {
        type: 'object',
        required: ['action', 'actor', 'at'],
        properties: {
          action: {
            type: 'string',
          },
          from: {
            $ref: '#/components/schemas/RequestState',
          },
          to: {
            $ref: '#/components/schemas/RequestState',
          },
          actor: {
            type: 'string',
          },
          at: {
            type: 'string',
            format: 'date-time',
          },
          details: {
            type: 'object',
            additionalProperties: {},
          },
        },
      },
      ExemptionRequest: {
        type: 'object',
        description:
          'A request with its dossier, history, deadlines, votes and decision.',
        required: [
          'id',
          'number',
          'state',
          'version',
          'content',
          'applicant',
          'createdAt',
          'updatedAt',
          'similarSystems',
          'opinions',
          'votes',
          'deadlines',
          'history',
          'allowedActions',
        ],
        properties: {
          id: {
            type: 'string',
          },
          number: {
            type: 'string',
            example: 'EX-2026-0042',
          },
          state: {
            $ref: '#/components/schemas/RequestState',
          },
          resumeState: {
            $ref: '#/components/schemas/RequestState',
          },
          version: {
            type: 'integer',
          },
          content: {
            $ref: '#/components/schemas/RequestContent',
          },
          applicant: {
            type: 'string',
          },
          submittedBy: {
            type: 'string',
          },
          submittedAt: {
            type: 'string',
            format: 'date-time',
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
          updatedAt: {
            type: 'string',
            format: 'date-time',
          },
          similarSystems: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/SimilarSystem',
            },
          },
          opinions: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: {},
            },
          },
          questions: {
            type: 'string',
          },
          sitting: {
            $ref: '#/components/schemas/Sitting',
          },
          votes: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Vote',
            },
          },
          tally: {
            description:
              'Absent while the ballot is secret (before the decision).',
            $ref: '#/components/schemas/VoteTally',
          },
          ballot: {
            type: 'object',
            description:
              'The current ballot round and how many have voted in it.',
            required: ['round', 'votesCast', 'eligible', 'secret'],
            properties: {
              round: {
                type: 'integer',
              },
              votesCast: {
                type: 'integer',
              },
              eligible: {
                type: 'integer',
              },
              secret: {
                type: 'boolean',
              },
            },
          },
          draftDecision: {
            type: 'object',
            description: 'The terms on the agenda that members vote on.',
            additionalProperties: {},
          },
          deferrals: {
            type: 'integer',
          },
          revocationProposal: {
            type: 'object',
            description:
              "A revocation waiting for a second person's confirmation.",
            additionalProperties: {},
          },
          decision: {
            $ref: '#/components/schemas/Decision',
          },
          deadlines: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/Deadline',
            },
          },
          history: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/HistoryEntry',
            },
          },
          allowedActions: {
            type: 'array',
            items: {
              type: 'string',
            },
          },
        },
      },
      ExemptionRequestSummary: {
        type: 'object',
        required: [
          'id',
          'number',
          'state',
          'version',
          'applicant',
          'createdAt',
          'updatedAt',
        ],
        properties: {
          id: {
            type: 'string',
          },
          number: {
            type: 'string',
          },
          state: {
            $ref: '#/components/schemas/RequestState',
          },
          version: {
            type: 'integer',
          },
          applicant: {
            type: 'string',
          },
          createdAt: {
            type: 'string',
            format: 'date-time',
          },
          updatedAt: {
            type: 'string',
            format: 'date-time',
          },
          submittedAt: {
            type: 'string',
            format: 'date-time',
          },
          system: {
            $ref: '#/components/schemas/RequestSystem',
          },
          stateBodyRef: {
            type: 'string',
          },
          sittingDate: {
            $ref: '#/components/schemas/CalendarDate',
          },
          currentDeadline: {
            $ref: '#/components/schemas/Deadline',
          },
        },
      },
      RequestPage: {
        type: 'object',
        required: ['items', 'totalCount'],
        properties: {
          items: {
            type: 'array',
            items: {
              $ref: '#/components/schemas/ExemptionRequestSummary',
            },
          },
          nextCursor: {
            type: 'string',
            description:
              'Pass as cursor for the next page; absent on the last page.',
          },
          totalCount: {
            type: 'integer',
          },
        },
      },
      DecisionPage: {
        type: 'object',
        required: ['items', 'totalCount'],
        properties: {
          items: {
            type: 'array',
            items: {
              allOf: [
                {
                  $ref: '#/components/schemas/Decision',
                },
                {
                  type: 'object',
                  required: ['requestNumber', 'state'],
                  properties: {
                    requestNumber: {
                      type: 'string',
                    },
                    system: {
                      $ref: '#/components/schemas/RequestSystem',
                    },
                    stateBodyRef: {
                      type: 'string',
                    },
                    state: {
                      $ref: '#/components/schemas/RequestState',
                    },
                  },
                },
              ],
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
      Exemption: {
        type: 'object',
        description:
          "An exemption as the register's exemption source reports it.",
        required: ['decisionNumber', 'decisionDate', 'status', 'source'],
        properties: {
          decisionNumber: {
            type: 'string',
          },
          decisionDate: {
            $ref: '#/components/schemas/CalendarDate',
          },
          expiresAt: {
            $ref: '#/components/schemas/CalendarDate',
          },
          status: {
            type: 'string',
            enum: ['approved', 'revoked', 'expired'],
          },
          source: {
            type: 'string',
            example: 'moratorium',
          },
        },
      },
      AuditEntry: {
        type: 'object',
        required: [
          'seq',
          'actor',
          'action',
          'at',
          'payload',
          'hash',
          'prevHash',
        ],
        properties: {
          seq: {
            type: 'integer',
          },
          requestId: {
            type: 'string',
          },
          actor: {
            type: 'string',
          },
          action: {
            type: 'string',
          },
          at: {
            type: 'string',
            format: 'date-time',
          },
          payload: {
            description: 'What the change carried (any JSON).',
          },
          hash: {
            type: 'string',
          },
          prevHash: {
            type: 'string',
          },
          keyId: {
            description:
              'The key that signed the entry; absent on entries from before signing.',
            type: 'string',
          },
          signature: {
            description:
              'Ed25519 signature of the 64 hex characters of hash, base64.',
            type: 'string',
          },
        },
      },
      AuditProblem: {
        type: 'string',
        enum: [
          'hash-mismatch',
          'prev-mismatch',
          'signature-invalid',
          'unknown-key',
          'unsigned',
          'checkpoint-signature-invalid',
          'checkpoint-mismatch',
          'truncated',
          'head-rolled-back',
          'checkpoint-missing',
          'row-disagrees',
          'row-missing',
          'row-unrecorded',
        ],
      },
      AuditFinding: {
        type: 'object',
        required: ['problem', 'message'],
        properties: {
          problem: {
            $ref: '#/components/schemas/AuditProblem',
          },
          seq: {
            type: 'integer',
          },
          requestId: {
            type: 'string',
          },
          table: {
            type: 'string',
            enum: [
              'moratorium_decisions',
              'moratorium_conditions',
              'moratorium_votes',
            ],
          },
          row: {
            description:
              'The row concerned (decision id, condition id, or requestId/member).',
            type: 'string',
          },
          message: {
            type: 'string',
          },
        },
      },
      AuditCheckpoint: {
        type: 'object',
        description:
          'A signed statement that the chain had count entries, the last with hash headHash, at publishedAt. The signature is Ed25519 (base64) over the canonical JSON of {count, headHash, keyId, publishedAt}.',
        required: ['count', 'headHash', 'publishedAt', 'keyId', 'signature'],
        properties: {
          count: {
            type: 'integer',
          },
          headHash: {
            type: 'string',
          },
          publishedAt: {
            type: 'string',
            format: 'date-time',
          },
          keyId: {
            type: 'string',
          },
          signature: {
            type: 'string',
          },
        },
      },
      AuditVerification: {
        type: 'object',
        required: ['ok', 'checked', 'firstBroken'],
        properties: {
          ok: {
            type: 'boolean',
          },
          checked: {
            type: 'integer',
          },
          firstBroken: {
            description: 'The first finding, or null when the record holds.',
            type: 'object',
            nullable: true,
            required: ['seq', 'problem', 'message'],
            properties: {
              seq: {
                type: 'integer',
              },
              requestId: {
                type: 'string',
              },
              problem: {
                $ref: '#/components/schemas/AuditProblem',
              },
              message: {
                type: 'string',
              },
            },
          },
          findings: {
            description:
              'Everything found wrong, each naming its entry or row.',
            type: 'array',
            items: {
              $ref: '#/components/schemas/AuditFinding',
            },
          },
          unsigned: {
            description:
              'Entries at the start of the chain recorded before signing.',
            type: 'integer',
          },
          checkpoints: {
            type: 'object',
            required: ['checked', 'latest'],
            properties: {
              checked: {
                type: 'integer',
              },
              latest: {
                type: 'object',
                nullable: true,
                allOf: [
                  {
                    $ref: '#/components/schemas/AuditCheckpoint',
                  },
                ],
              },
            },
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
      ExemptionRequest: {
        description: 'The request as it is now.',
        content: {
          'application/json': {
            schema: {
              $ref: '#/components/schemas/ExemptionRequest',
            },
          },
        },
      },
      Error: {
        description:
          'A Backstage error body: 400 (the input breaks the spec or the workflow; the message names each problem), 403 (permission, role or conflict of interest), 404, 409 (the request changed meanwhile, or an Idempotency-Key reused with another body).',
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
    '/requests': {
      post: {
        operationId: 'CreateRequest',
        description: 'Starts a draft; the caller is the applicant.',
        parameters: [
          {
            $ref: '#/components/parameters/idempotencyKey',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['content'],
                additionalProperties: false,
                properties: {
                  content: {
                    $ref: '#/components/schemas/RequestContent',
                  },
                },
              },
            },
          },
        },
        responses: {
          '201': {
            $ref: '#/components/responses/ExemptionRequest',
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
      get: {
        operationId: 'ListRequests',
        description:
          "Requests, newest first, in keyset pages. Drafts are listed only to their applicant and the applicant's state body.",
        parameters: [
          {
            name: 'state',
            in: 'query',
            required: false,
            description:
              'States, comma-separated (state=submitted,platform-review).',
            style: 'form',
            explode: false,
            schema: {
              type: 'array',
              maxItems: 13,
              items: {
                $ref: '#/components/schemas/RequestState',
              },
            },
          },
          {
            $ref: '#/components/parameters/stateBody',
          },
          {
            name: 'mine',
            in: 'query',
            required: false,
            description:
              "Only the caller's own requests and those of the caller's state body.",
            schema: {
              type: 'boolean',
            },
          },
          {
            $ref: '#/components/parameters/system',
          },
          {
            name: 'sitting',
            in: 'query',
            required: false,
            description: "Only requests on this sitting's agenda.",
            schema: {
              type: 'string',
              maxLength: 100,
            },
          },
          {
            name: 'q',
            in: 'query',
            required: false,
            description: 'Free text in the number, the system and the purpose.',
            schema: {
              type: 'string',
              maxLength: 200,
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
            description: 'A page of requests.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/RequestPage',
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
    '/requests/{id}': {
      get: {
        operationId: 'GetRequest',
        parameters: [
          {
            $ref: '#/components/parameters/id',
          },
        ],
        responses: {
          '200': {
            $ref: '#/components/responses/ExemptionRequest',
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
      put: {
        operationId: 'UpdateRequest',
        description:
          'Saves the content of a draft or of a request waiting for information.',
        parameters: [
          {
            $ref: '#/components/parameters/id',
          },
          {
            $ref: '#/components/parameters/idempotencyKey',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['content', 'version'],
                additionalProperties: false,
                properties: {
                  content: {
                    $ref: '#/components/schemas/RequestContent',
                  },
                  version: {
                    type: 'integer',
                    minimum: 0,
                  },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            $ref: '#/components/responses/ExemptionRequest',
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/requests/{id}/transitions': {
      post: {
        operationId: 'TransitionRequest',
        description:
          'Moves the request along the workflow. 400 names what the action needs or what the request lacks; 403 when the caller may not; 409 when the request changed meanwhile.',
        parameters: [
          {
            $ref: '#/components/parameters/id',
          },
          {
            $ref: '#/components/parameters/idempotencyKey',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                $ref: '#/components/schemas/TransitionBody',
              },
            },
          },
        },
        responses: {
          '200': {
            $ref: '#/components/responses/ExemptionRequest',
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/requests/{id}/votes': {
      post: {
        operationId: 'CastVote',
        description:
          "The caller's vote (replacing an earlier one) while the request is on the agenda. Members from the applicant's state body, and the applicant, may not vote.",
        parameters: [
          {
            $ref: '#/components/parameters/id',
          },
          {
            $ref: '#/components/parameters/idempotencyKey',
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['choice'],
                additionalProperties: false,
                properties: {
                  choice: {
                    $ref: '#/components/schemas/VoteChoice',
                  },
                  opinion: {
                    type: 'string',
                    maxLength: 20000,
                  },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            $ref: '#/components/responses/ExemptionRequest',
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/decisions': {
      get: {
        operationId: 'ListDecisions',
        description: 'The register of decisions, newest first.',
        parameters: [
          {
            name: 'outcome',
            in: 'query',
            required: false,
            schema: {
              $ref: '#/components/schemas/DecisionOutcome',
            },
          },
          {
            $ref: '#/components/parameters/stateBody',
          },
          {
            $ref: '#/components/parameters/system',
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
            description: 'A page of decisions.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/DecisionPage',
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
    '/decisions/export.csv': {
      get: {
        operationId: 'ExportDecisions',
        description:
          'The register of decisions as CSV (UTF-8 with BOM), with the filters of /decisions.',
        parameters: [
          {
            name: 'outcome',
            in: 'query',
            required: false,
            schema: {
              $ref: '#/components/schemas/DecisionOutcome',
            },
          },
          {
            $ref: '#/components/parameters/stateBody',
          },
          {
            $ref: '#/components/parameters/system',
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
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/sittings': {
      get: {
        operationId: 'ListSittings',
        responses: {
          '200': {
            description: 'The sittings, latest first.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/Sitting',
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
    '/sittings/{id}': {
      get: {
        operationId: 'GetSitting',
        parameters: [
          {
            $ref: '#/components/parameters/id',
          },
        ],
        responses: {
          '200': {
            description: 'A sitting and the requests on its agenda.',
            content: {
              'application/json': {
                schema: {
                  allOf: [
                    {
                      $ref: '#/components/schemas/Sitting',
                    },
                    {
                      type: 'object',
                      required: ['requests'],
                      properties: {
                        requests: {
                          type: 'array',
                          items: {
                            $ref: '#/components/schemas/ExemptionRequestSummary',
                          },
                        },
                      },
                    },
                  ],
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
    '/exemptions': {
      get: {
        operationId: 'ListExemptions',
        description:
          "The exemptions the commission's decisions give a system, for the register's exemption source: approved, expired or revoked.",
        parameters: [
          {
            name: 'system',
            in: 'query',
            required: true,
            description: 'The System entity ref.',
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 255,
            },
          },
        ],
        responses: {
          '200': {
            description: "The system's exemptions.",
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/Exemption',
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
    '/audit': {
      get: {
        operationId: 'ListAudit',
        parameters: [
          {
            name: 'request',
            in: 'query',
            required: false,
            description: 'Only the entries of this request.',
            schema: {
              type: 'string',
              maxLength: 100,
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
            description: 'A page of audit entries, newest first.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items', 'totalCount'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/AuditEntry',
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
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/audit/checkpoints': {
      get: {
        operationId: 'ListAuditCheckpoints',
        description:
          'The signed checkpoints of the audit chain, newest first. Public (no sign-in) when moratorium.publicRecord is on.',
        parameters: [
          {
            $ref: '#/components/parameters/limit',
          },
          {
            $ref: '#/components/parameters/cursor',
          },
        ],
        responses: {
          '200': {
            description: 'A page of checkpoints.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['items', 'totalCount'],
                  properties: {
                    items: {
                      type: 'array',
                      items: {
                        $ref: '#/components/schemas/AuditCheckpoint',
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
              },
            },
          },
          default: {
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/audit/keys': {
      get: {
        operationId: 'ListAuditKeys',
        description:
          'The Ed25519 public keys (SPKI PEM) that verify audit entries and checkpoints, by key id. Public when moratorium.publicRecord is on.',
        responses: {
          '200': {
            description: 'The keys.',
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
                        required: ['id', 'publicKey', 'active'],
                        properties: {
                          id: {
                            type: 'string',
                          },
                          publicKey: {
                            type: 'string',
                          },
                          active: {
                            type: 'boolean',
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
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
    '/audit/verify': {
      get: {
        operationId: 'VerifyAudit',
        description:
          "Recomputes the hash chain, checks each entry's signature and the published checkpoints, cross-checks decisions, conditions and votes against the chain, and names every finding.",
        responses: {
          '200': {
            description: 'The verification.',
            content: {
              'application/json': {
                schema: {
                  $ref: '#/components/schemas/AuditVerification',
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
    '/similar-systems': {
      get: {
        operationId: 'FindSimilarSystems',
        description:
          'Systems in the register whose titles share meaningful words with q.',
        parameters: [
          {
            name: 'q',
            in: 'query',
            required: true,
            schema: {
              type: 'string',
              minLength: 1,
              maxLength: 2000,
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
            $ref: '#/components/responses/Error',
          },
        },
      },
    },
  },
} as const;
