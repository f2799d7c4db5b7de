import {
  AuditorService,
  BackstageCredentials,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { moratoriumDay } from '@qaztech/plugin-registry-common';
import { auditAction } from '../service/auditAction';
import {
  buildSystemEntity,
  checkStateBody,
} from '../service/buildSystemEntity';
import { writeCatalogInfo } from '../service/writeCatalogInfo';
import { examples } from './registerSystem.examples';

/** Backstage's entity name rule. */
const ENTITY_NAME = /^[a-z0-9A-Z]+([-_.][a-z0-9A-Z]+)*$/;

/** The Groups whose members are admins when config names none. */
export const DEFAULT_ADMIN_GROUPS = ['group:default/qaztech-admins'];

/**
 * Refuses an owner body the runner does not belong to. The runner is whoever
 * the task's credentials (their token) name, never an input; an admin (a
 * member of an admin Group) may register for any body.
 */
async function checkRunnerBelongs(
  credentials: BackstageCredentials,
  ownerRef: string,
  userInfo: UserInfoService,
  adminGroups: readonly string[],
): Promise<void> {
  const principal = credentials.principal as { type?: string };
  if (principal.type !== 'user') {
    throw new NotAllowedError(
      `owner: only a person may register a system for a state body; this task runs as ${principal.type}`,
    );
  }
  const info = await userInfo.getUserInfo(credentials);
  const refs = new Set(
    info.ownershipEntityRefs.map(r => r.toLocaleLowerCase('en-US')),
  );
  if (refs.has(ownerRef.toLocaleLowerCase('en-US'))) {
    return;
  }
  if (adminGroups.some(g => refs.has(g.toLocaleLowerCase('en-US')))) {
    return;
  }
  throw new NotAllowedError(
    `owner: ${info.userEntityRef} is not a member of ${ownerRef}; a system may be registered only for your own state body`,
  );
}

/**
 * Creates `qaztech:system:register`: builds the System entity of a state
 * information system (owned by its state body's Group, with the registry
 * block), validates it with registry-common and writes it to the workspace's
 * `catalog-info.yaml`. A bad field fails the step with the field's path and
 * the rule it breaks. It writes only into the workspace, so it runs the same
 * in a dry run. The owner must be a state body Group the runner (from the
 * task's credentials) is a member of, unless the runner is an admin.
 *
 * @public
 */
export function createRegisterSystemAction(options: {
  catalog: CatalogService;
  auditor: AuditorService;
  /** Reads the runner's Groups from their token. */
  userInfo: UserInfoService;
  /** Groups whose members may register for any body; {@link DEFAULT_ADMIN_GROUPS} by default. */
  adminGroups?: readonly string[];
  /** The clock; tests pin it. */
  now?: () => Date;
}) {
  const { catalog, auditor, userInfo } = options;
  const adminGroups = options.adminGroups ?? DEFAULT_ADMIN_GROUPS;
  const now = options.now ?? (() => new Date());
  return createTemplateAction({
    id: 'qaztech:system:register',
    description:
      'Validates the registry record of a state information system and writes its System entity into catalog-info.yaml',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        owner: z =>
          z
            .string()
            .min(1)
            .describe(
              'The Group of the state body that owns the system, e.g. group:default/mcriap',
            ),
        registry: z =>
          z
            .record(z.unknown())
            .describe(
              'The spec.registry block. parties.owner, ownerKind, createdAt (today) and lifecycle.history may be left out; they are filled in.',
            ),
        name: z =>
          z
            .string()
            .max(63)
            .regex(ENTITY_NAME, 'must be a valid entity name')
            .optional()
            .describe(
              'The entity name; by default transliterated from registry.title.ru',
            ),
        description: z =>
          z
            .string()
            .optional()
            .describe('metadata.description; registry.purpose by default'),
        tags: z => z.array(z.string()).optional().describe('metadata.tags'),
        sourceLocation: z =>
          z
            .string()
            .optional()
            .describe('The source repository URL, kept as an annotation'),
        targetPath: z =>
          z
            .string()
            .default('catalog-info.yaml')
            .describe(
              'Where in the workspace to write; other entities in that file are kept',
            ),
      },
      output: {
        entityRef: z => z.string().describe('The ref of the System'),
        name: z => z.string().describe('The entity name of the System'),
        catalogInfoPath: z =>
          z.string().describe('The written file, relative to the workspace'),
        entity: z =>
          z.record(z.unknown()).describe('The System entity as written'),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      await auditAction(
        auditor,
        ctx,
        'qaztech-system-register',
        { owner: input.owner, ...(input.name ? { name: input.name } : {}) },
        async () => {
          const ownerRef = stringifyEntityRef(
            parseEntityRef(input.owner, { defaultKind: 'group' }),
          );
          const credentials = await ctx.getInitiatorCredentials();
          const group = checkStateBody(
            ownerRef,
            await catalog.getEntityByRef(ownerRef, { credentials }),
          );
          await checkRunnerBelongs(
            credentials,
            ownerRef,
            userInfo,
            adminGroups,
          );
          const entity = buildSystemEntity(input, group, moratoriumDay(now()));
          const path = input.targetPath ?? 'catalog-info.yaml';
          await writeCatalogInfo(ctx.workspacePath, path, entity);
          const entityRef = stringifyEntityRef(entity);
          ctx.logger.info(`Wrote ${entityRef} to ${path}`);
          ctx.output('entityRef', entityRef);
          ctx.output('name', entity.metadata.name);
          ctx.output('catalogInfoPath', path);
          ctx.output('entity', entity as unknown as Record<string, unknown>);
          return {
            result: undefined,
            meta: {
              entityRef,
              onPlatform: entity.spec.registry.platform.onPlatform,
            },
          };
        },
      );
    },
  });
}
