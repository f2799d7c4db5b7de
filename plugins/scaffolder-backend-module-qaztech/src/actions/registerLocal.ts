import { AuditorService, isChildPath } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ConflictError, InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditAction } from '../service/auditAction';
import { examples } from './registerLocal.examples';

function toPath(catalogInfoUrl: string): string {
  if (catalogInfoUrl.startsWith('file:')) {
    return fileURLToPath(catalogInfoUrl);
  }
  if (!isAbsolute(catalogInfoUrl)) {
    throw new InputError(
      `catalogInfoUrl: must be a file:// URL or an absolute path, got ${JSON.stringify(
        catalogInfoUrl,
      )}`,
    );
  }
  return resolve(catalogInfoUrl);
}

/** The entity to link to: the preferred kind, else as catalog:register picks. */
function pickEntity(entities: Entity[], kind?: string): Entity | undefined {
  const named = entities.filter(e => !e.metadata.name.startsWith('generated-'));
  const is = (k: string) => (e: Entity) =>
    e.kind.toLocaleLowerCase('en-US') === k.toLocaleLowerCase('en-US');
  return (
    (kind ? named.find(is(kind)) : undefined) ??
    named.find(is('Component')) ??
    named[0] ??
    entities[0]
  );
}

/**
 * Creates `qaztech:catalog:register-local`: registers a `catalog-info.yaml`
 * that `qaztech:publish:local` published as a catalog location of type
 * `file`, on behalf of the person who runs the template, and outputs the
 * ref of the registered entity. Unlike `catalog:register` it needs no URL
 * reader or integration. Only files under the local publishing directory
 * may be registered, so a template cannot make the catalog read any other
 * file of the server. A dry run registers nothing.
 *
 * @public
 */
export function createRegisterLocalAction(options: {
  catalog: CatalogService;
  auditor: AuditorService;
  directory: string;
}) {
  const { catalog, auditor, directory } = options;
  return createTemplateAction({
    id: 'qaztech:catalog:register-local',
    description:
      'Registers a catalog-info.yaml published by qaztech:publish:local in the catalog as a file location',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        catalogInfoUrl: z =>
          z
            .string()
            .min(1)
            .describe(
              'The catalogInfoUrl output of qaztech:publish:local (file:// URL or absolute path)',
            ),
        entityKind: z =>
          z
            .string()
            .optional()
            .describe(
              'Which kind of entity of the file to output; Component, then the first, by default',
            ),
        optional: z =>
          z
            .boolean()
            .optional()
            .describe('Whether a failure to register is ignored'),
      },
      output: {
        entityRef: z =>
          z.string().optional().describe('The ref of the registered entity'),
        catalogInfoUrl: z =>
          z.string().describe('The location target that was registered'),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const target = toPath(input.catalogInfoUrl);
      if (!isChildPath(directory, target)) {
        throw new InputError(
          `catalogInfoUrl: ${target} is outside the local publishing directory ${directory}; only repositories qaztech:publish:local made can be registered this way`,
        );
      }
      await auditAction(
        auditor,
        ctx,
        'qaztech-catalog-register-local',
        { target },
        async () => {
          ctx.output('catalogInfoUrl', target);
          if (ctx.isDryRun) {
            ctx.logger.info(`Dry run: would register ${target}`);
            return { result: undefined };
          }
          const credentials = await ctx.getInitiatorCredentials();
          let entityRef: string | undefined;
          try {
            const preview = await catalog.addLocation(
              { type: 'file', target, dryRun: true },
              { credentials },
            );
            const entity = pickEntity(preview.entities, input.entityKind);
            entityRef = entity && stringifyEntityRef(entity);
            await catalog
              .addLocation({ type: 'file', target }, { credentials })
              .catch(error => {
                // A retried step finds its own location: nothing to do.
                if (
                  error instanceof ConflictError ||
                  error?.name === 'ConflictError'
                ) {
                  ctx.logger.info(`${target} is already registered`);
                  return undefined;
                }
                throw error;
              });
          } catch (error) {
            if (input.optional) {
              ctx.logger.warn(`Could not register ${target}: ${error}`);
              return { result: undefined };
            }
            throw error;
          }
          ctx.logger.info(`Registered ${target} in the catalog`);
          if (entityRef) {
            ctx.output('entityRef', entityRef);
          }
          return {
            result: undefined,
            meta: entityRef ? { entityRef } : {},
          };
        },
      );
    },
  });
}
