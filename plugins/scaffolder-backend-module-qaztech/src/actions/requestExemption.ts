import { AuditorService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  DATA_CATEGORIES,
  HOSTING_KINDS,
} from '@qaztech/plugin-registry-common';
import { auditAction } from '../service/auditAction';
import {
  ExemptionRequestContent,
  MoratoriumClient,
} from '../service/MoratoriumClient';
import { toSystemRef } from '../service/systemRef';
import { requestWizardUrl } from './checkMoratorium';
import { examples } from './requestExemption.examples';

/**
 * Creates `qaztech:moratorium:request`: files an exemption request draft
 * with the moratorium backend on behalf of the person who runs the template
 * (its applicant), and returns the draft's number and links. A system the
 * catalog knows is filed as existing; any other as planned, which needs its
 * Russian and Kazakh titles. The step's task and id are the idempotency key, so a
 * retried step gives the same draft. A dry run files nothing and links to
 * the request wizard instead.
 *
 * @public
 */
export function createRequestExemptionAction(options: {
  moratorium: Pick<MoratoriumClient, 'createDraft'>;
  catalog: CatalogService;
  auditor: AuditorService;
  appBaseUrl: string;
}) {
  const { moratorium, catalog, auditor, appBaseUrl } = options;
  return createTemplateAction({
    id: 'qaztech:moratorium:request',
    description:
      'Files an exemption request draft from the moratorium on behalf of the person running the template and returns its link',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        system: z =>
          z
            .string()
            .min(1)
            .describe(
              'The System: an entity ref or name; a system not in the catalog is filed as planned',
            ),
        title: z =>
          z
            .object({
              ru: z.string().optional(),
              kk: z.string().optional(),
              en: z.string().optional(),
            })
            .optional()
            .describe('The title of a planned system (ru and kk required)'),
        stateBody: z =>
          z
            .string()
            .optional()
            .describe(
              "The applicant state body's Group; the applicant's own by default",
            ),
        purpose: z =>
          z.string().max(10000).optional().describe('What the system is for'),
        capabilityGaps: z =>
          z
            .array(
              z.object({
                capability: z.string().max(1000),
                reason: z.string().max(10000),
              }),
            )
            .optional()
            .describe('What the platform cannot do, and why it is needed'),
        dataCategories: z =>
          z
            .array(z.enum(DATA_CATEGORIES))
            .optional()
            .describe('The categories of data the system will hold'),
        hosting: z =>
          z
            .object({
              kind: z.enum(HOSTING_KINDS).optional(),
              country: z.string().max(2).optional(),
              provider: z.string().max(500).optional(),
            })
            .optional()
            .describe('Where the system would be hosted'),
        cost: z =>
          z
            .object({
              amountKzt: z.number().min(0).optional(),
              budgetProgramme: z.string().max(1000).optional(),
            })
            .optional()
            .describe('Cost and budget programme'),
        securityPlan: z => z.string().max(20000).optional(),
        exitPlan: z =>
          z
            .string()
            .max(20000)
            .optional()
            .describe('How the system would move to the platform later'),
      },
      output: {
        requestId: z => z.string().describe('The id of the draft'),
        number: z => z.string().describe('The request number'),
        url: z => z.string().describe('The request page'),
        editUrl: z => z.string().describe('The draft in the request wizard'),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const systemRef = toSystemRef(input.system);
      const credentials = await ctx.getInitiatorCredentials();
      const known = await catalog.getEntityByRef(systemRef, { credentials });
      if (!known && (!input.title?.ru || !input.title?.kk)) {
        throw new InputError(
          `title: ${systemRef} is not in the catalog, so it is filed as a planned system, which needs its title in Russian (title.ru) and Kazakh (title.kk)`,
        );
      }
      const content: ExemptionRequestContent = {
        system: {
          kind: known ? 'existing' : 'planned',
          entityRef: systemRef,
          ...(input.title?.ru
            ? {
                title: Object.fromEntries(
                  Object.entries(input.title).filter(([, v]) => v),
                ),
              }
            : {}),
        },
        ...(input.stateBody
          ? {
              stateBodyRef: stringifyEntityRef(
                parseEntityRef(input.stateBody, { defaultKind: 'group' }),
              ),
            }
          : {}),
        ...(input.purpose ? { purpose: input.purpose } : {}),
        ...(input.capabilityGaps?.length
          ? { capabilityGaps: input.capabilityGaps }
          : {}),
        ...(input.dataCategories?.length
          ? { dataCategories: input.dataCategories }
          : {}),
        ...(input.hosting ? { hosting: input.hosting } : {}),
        ...(input.cost ? { cost: input.cost } : {}),
        ...(input.securityPlan ? { securityPlan: input.securityPlan } : {}),
        ...(input.exitPlan ? { exitPlan: input.exitPlan } : {}),
      };

      await auditAction(
        auditor,
        ctx,
        'qaztech-moratorium-request',
        { systemRef, systemKind: content.system!.kind },
        async () => {
          if (ctx.isDryRun) {
            const wizard = requestWizardUrl(appBaseUrl, systemRef);
            ctx.logger.info(
              `Dry run: would file an exemption request draft for ${systemRef}`,
            );
            ctx.output('requestId', 'dry-run');
            ctx.output('number', 'dry-run');
            ctx.output('url', wizard);
            ctx.output('editUrl', wizard);
            return { result: undefined };
          }
          const draft = await moratorium.createDraft(
            credentials,
            content,
            `scaffolder:${ctx.task.id}:${ctx.step?.id ?? 'request'}`,
          );
          const url = `${appBaseUrl}/moratorium/requests/${encodeURIComponent(
            draft.id,
          )}`;
          ctx.logger.info(
            `Filed exemption request draft ${draft.number} for ${systemRef}: ${url}`,
          );
          ctx.output('requestId', draft.id);
          ctx.output('number', draft.number);
          ctx.output('url', url);
          ctx.output('editUrl', `${url}/edit`);
          return {
            result: undefined,
            meta: { requestId: draft.id, number: draft.number },
          };
        },
      );
    },
  });
}
