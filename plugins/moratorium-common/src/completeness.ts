import {
  DATA_CATEGORIES,
  HOSTING_KINDS,
} from '@qaztech/plugin-registry-common';
import { z } from 'zod';
import type { CompletenessProblem, RequestContent } from './types';

const REF_PART = '[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+)*';
const ENTITY_REF = new RegExp(
  `^([A-Za-z][A-Za-z0-9]*):(${REF_PART})/(${REF_PART})$`,
);

/**
 * Whether `value` is a full entity ref `kind:namespace/name`, optionally of
 * the given kind (compared case-insensitively).
 *
 * @public
 */
export function isEntityRef(value: unknown, kind?: string): value is string {
  if (typeof value !== 'string') {
    return false;
  }
  const match = ENTITY_REF.exec(value);
  if (!match || match[2].length > 63 || match[3].length > 63) {
    return false;
  }
  return !kind || match[1].toLocaleLowerCase('en-US') === kind.toLowerCase();
}

/** Whether `value` is an absolute http(s) URL. @public */
export function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') {
    return false;
  }
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Whether `value` is a hex SHA-256 digest (64 characters). @public */
export function isSha256(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-fA-F]{64}$/.test(value);
}

const SHORT_TEXT = 500;
const LONG_TEXT = 20000;

const text = (max: number) => z.string().max(max);

const entityRef = (kind: string) =>
  z.string().refine(v => isEntityRef(v, kind), {
    message: `must be an entity ref like ${kind}:default/name`,
  });

const titleSchema = z.object({
  ru: text(SHORT_TEXT),
  kk: text(SHORT_TEXT),
  en: text(SHORT_TEXT).optional(),
});

const systemSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('existing'), entityRef: entityRef('system') }),
  z.object({
    kind: z.literal('planned'),
    entityRef: entityRef('system'),
    title: titleSchema,
  }),
]);

const attachmentSchema = z.object({
  title: text(SHORT_TEXT),
  url: z.string().max(2000).refine(isHttpUrl, {
    message: 'must be an http or https URL',
  }),
  sha256: z
    .string()
    .refine(isSha256, { message: 'must be 64 hexadecimal characters' })
    .transform(v => v.toLowerCase()),
});

/**
 * The structure of a request's content, checked whenever a draft is saved:
 * every field is optional, but what is there must have the right type (entity
 * refs `kind:namespace/name`, http(s) URLs, SHA-256 as 64 hex characters, a
 * cost ≥ 0). Unknown fields are dropped. Whether the request is complete is
 * `checkCompleteness`'s job.
 *
 * @public
 */
export const requestContentSchema: z.ZodType<RequestContent> = z.object({
  system: systemSchema.optional(),
  stateBodyRef: entityRef('group').optional(),
  purpose: text(LONG_TEXT).optional(),
  capabilityGaps: z
    .array(
      z.object({
        capability: text(SHORT_TEXT),
        reason: text(LONG_TEXT),
      }),
    )
    .max(100)
    .optional(),
  cost: z
    .object({
      amountKzt: z.number().finite().min(0, { message: 'must be 0 or more' }),
      budgetProgramme: text(SHORT_TEXT),
    })
    .optional(),
  dataCategories: z.array(z.enum(DATA_CATEGORIES)).max(20).optional(),
  hosting: z
    .object({
      kind: z.enum(HOSTING_KINDS),
      country: z
        .string()
        .regex(/^[A-Za-z]{2}$/, {
          message: 'must be a two-letter ISO 3166-1 country code',
        })
        .transform(v => v.toUpperCase()),
      provider: text(SHORT_TEXT).optional(),
    })
    .optional(),
  securityPlan: text(LONG_TEXT).optional(),
  exitPlan: text(LONG_TEXT).optional(),
  attachments: z.array(attachmentSchema).max(50).optional(),
  reuseAnswers: z
    .array(
      z.object({
        entityRef: text(SHORT_TEXT),
        reason: text(LONG_TEXT),
      }),
    )
    .max(50)
    .optional(),
}) as z.ZodType<RequestContent>;

/**
 * Thrown when a request body does not have the expected shape; its `name`
 * is `InputError`, so Backstage's error handler answers 400 with the message.
 *
 * @public
 */
export class MoratoriumInputError extends Error {
  /** Each wrong field and what is wrong with it. */
  readonly issues: { field: string; message: string }[];

  constructor(message: string, issues: { field: string; message: string }[]) {
    super(message);
    this.name = 'InputError';
    this.issues = issues;
  }
}

type AnyIssue = {
  code: string;
  path: PropertyKey[];
  message: string;
};

/**
 * Turns zod issues into one error whose message names each field.
 *
 * @internal
 */
export function describeZodIssues(
  what: string,
  issues: readonly AnyIssue[],
  prefix: string[] = [],
  input?: unknown,
): MoratoriumInputError {
  const valueAt = (path: PropertyKey[]) =>
    path.reduce<unknown>(
      (value, key) =>
        typeof value === 'object' && value !== null
          ? (value as Record<PropertyKey, unknown>)[key]
          : undefined,
      input,
    );
  const described = issues.map(issue => {
    const field = [...prefix, ...issue.path.map(String)].join('.') || what;
    const missing =
      issue.path.length > 0 &&
      issue.code !== 'custom' &&
      valueAt(issue.path) === undefined;
    return { field, message: missing ? 'is required' : issue.message };
  });
  // Our own messages read on from the field name ("reason must not be
  // empty"); zod's start with a capital ("Invalid input: …").
  const sentence = (i: { field: string; message: string }) =>
    /^[a-z]/.test(i.message)
      ? `${i.field} ${i.message}`
      : `${i.field}: ${i.message}`;
  return new MoratoriumInputError(
    `Invalid ${what}: ${described.map(sentence).join('; ')}`,
    described,
  );
}

/**
 * Validates the content of a draft with `requestContentSchema`; throws a
 * `MoratoriumInputError` (400) naming each wrong field, e.g.
 * `content.attachments.0.sha256 must be 64 hexadecimal characters`.
 *
 * @public
 */
export function parseRequestContent(body: unknown): RequestContent {
  const result = requestContentSchema.safeParse(body ?? {});
  if (!result.success) {
    throw describeZodIssues(
      'request content',
      result.error.issues as AnyIssue[],
      ['content'],
      body ?? {},
    );
  }
  return result.data;
}

function isBlank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

/**
 * What is missing or wrong for a request to be submitted, each item named by
 * its field and an English sentence; empty when the request is complete.
 * Everything is required except attachments, which must be well-formed when
 * given. Whether the system exists in the catalog is checked by the backend
 * (`not-found`).
 *
 * @public
 */
export function checkCompleteness(
  content: RequestContent,
): CompletenessProblem[] {
  const problems: CompletenessProblem[] = [];
  const add = (
    field: string,
    problem: CompletenessProblem['problem'],
    message: string,
  ) => problems.push({ field, problem, message });
  const c: RequestContent = content ?? {};

  // The system
  if (!c.system) {
    add(
      'system',
      'missing',
      'The system is missing: choose one from the register or describe a planned one.',
    );
  } else {
    if (isBlank(c.system.entityRef)) {
      add('system.entityRef', 'missing', 'The system reference is missing.');
    } else if (!isEntityRef(c.system.entityRef, 'system')) {
      add(
        'system.entityRef',
        'invalid',
        `The system reference "${c.system.entityRef}" is not a System entity ref (system:namespace/name).`,
      );
    }
    if (c.system.kind === 'planned') {
      if (isBlank(c.system.title?.ru)) {
        add(
          'system.title.ru',
          'missing',
          "The planned system's title in Russian is missing.",
        );
      }
      if (isBlank(c.system.title?.kk)) {
        add(
          'system.title.kk',
          'missing',
          "The planned system's title in Kazakh is missing.",
        );
      }
    } else if (c.system.kind !== 'existing') {
      add(
        'system.kind',
        'invalid',
        'The system must be either an existing one from the register or a planned one.',
      );
    }
  }

  if (isBlank(c.stateBodyRef)) {
    add(
      'stateBodyRef',
      'missing',
      'The state body making the request is missing.',
    );
  } else if (!isEntityRef(c.stateBodyRef, 'group')) {
    add(
      'stateBodyRef',
      'invalid',
      `The state body "${c.stateBodyRef}" is not a Group entity ref (group:namespace/name).`,
    );
  }

  if (isBlank(c.purpose)) {
    add('purpose', 'missing', 'The purpose of the system is missing.');
  }

  // Why the platform cannot serve
  if (c.capabilityGaps === undefined || c.capabilityGaps === null) {
    add(
      'capabilityGaps',
      'missing',
      'The capability gaps (why the platform cannot serve the system) are missing.',
    );
  } else if (c.capabilityGaps.length === 0) {
    add(
      'capabilityGaps',
      'empty',
      'The capability gaps are empty: name at least one thing the platform cannot provide.',
    );
  } else {
    c.capabilityGaps.forEach((gap, i) => {
      if (isBlank(gap?.capability)) {
        add(
          `capabilityGaps.${i}.capability`,
          'missing',
          `Capability gap ${i + 1} does not name the capability.`,
        );
      }
      if (isBlank(gap?.reason)) {
        add(
          `capabilityGaps.${i}.reason`,
          'missing',
          `Capability gap ${
            i + 1
          } does not say why the platform cannot provide it.`,
        );
      }
    });
  }

  // Cost
  if (!c.cost) {
    add('cost', 'missing', 'The cost and budget programme are missing.');
  } else {
    const amount = c.cost.amountKzt;
    if (amount === undefined || amount === null) {
      add('cost.amountKzt', 'missing', 'The cost in tenge is missing.');
    } else if (
      typeof amount !== 'number' ||
      !Number.isFinite(amount) ||
      amount < 0
    ) {
      add(
        'cost.amountKzt',
        'invalid',
        'The cost in tenge must be a number of 0 or more.',
      );
    }
    if (isBlank(c.cost.budgetProgramme)) {
      add(
        'cost.budgetProgramme',
        'missing',
        'The budget programme is missing.',
      );
    }
  }

  // Data
  if (c.dataCategories === undefined || c.dataCategories === null) {
    add('dataCategories', 'missing', 'The data categories are missing.');
  } else if (c.dataCategories.length === 0) {
    add(
      'dataCategories',
      'empty',
      'The data categories are empty: choose at least one (open data counts).',
    );
  } else {
    const unknown = c.dataCategories.filter(
      d => !(DATA_CATEGORIES as readonly string[]).includes(d),
    );
    if (unknown.length > 0) {
      add(
        'dataCategories',
        'invalid',
        `Unknown data categories: ${unknown.join(', ')}.`,
      );
    }
  }

  // Hosting
  if (!c.hosting) {
    add('hosting', 'missing', 'The planned hosting is missing.');
  } else {
    if (isBlank(c.hosting.kind)) {
      add('hosting.kind', 'missing', 'The kind of planned hosting is missing.');
    } else if (!(HOSTING_KINDS as readonly string[]).includes(c.hosting.kind)) {
      add(
        'hosting.kind',
        'invalid',
        `Unknown kind of hosting "${c.hosting.kind}".`,
      );
    } else if (c.hosting.kind === 'platform') {
      add(
        'hosting.kind',
        'invalid',
        'The planned hosting is the platform itself: an exemption is only needed to run outside it.',
      );
    }
    if (isBlank(c.hosting.country)) {
      add('hosting.country', 'missing', 'The country of hosting is missing.');
    } else if (!/^[A-Za-z]{2}$/.test(c.hosting.country)) {
      add(
        'hosting.country',
        'invalid',
        'The country of hosting must be a two-letter ISO 3166-1 code.',
      );
    }
  }

  if (isBlank(c.securityPlan)) {
    add('securityPlan', 'missing', 'The security plan is missing.');
  }
  if (isBlank(c.exitPlan)) {
    add('exitPlan', 'missing', 'The exit or migration plan is missing.');
  }

  // Attachments are optional, but each one must be verifiable.
  (c.attachments ?? []).forEach((a, i) => {
    if (isBlank(a?.title)) {
      add(
        `attachments.${i}.title`,
        'missing',
        `Attachment ${i + 1} has no title.`,
      );
    }
    if (isBlank(a?.url)) {
      add(
        `attachments.${i}.url`,
        'missing',
        `Attachment ${i + 1} has no link.`,
      );
    } else if (!isHttpUrl(a.url)) {
      add(
        `attachments.${i}.url`,
        'invalid',
        `Attachment ${i + 1} has a link that is not an http or https URL.`,
      );
    }
    if (isBlank(a?.sha256)) {
      add(
        `attachments.${i}.sha256`,
        'missing',
        `Attachment ${i + 1} has no SHA-256 of its content.`,
      );
    } else if (!isSha256(a.sha256)) {
      add(
        `attachments.${i}.sha256`,
        'invalid',
        `Attachment ${
          i + 1
        } has a SHA-256 that is not 64 hexadecimal characters.`,
      );
    }
  });

  return problems;
}

/**
 * One sentence listing every problem, for an error message:
 * `The request is incomplete: The purpose of the system is missing. …`
 *
 * @public
 */
export function describeProblems(problems: CompletenessProblem[]): string {
  if (problems.length === 0) {
    return 'The request is complete.';
  }
  return `The request is incomplete (${problems.length} ${
    problems.length === 1 ? 'item' : 'items'
  }): ${problems.map(p => p.message).join(' ')}`;
}
