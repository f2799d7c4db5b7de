import { AuditorService } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  Exemption,
  MoratoriumStatus,
  RegistryRecord,
  evaluateMoratorium,
  moratoriumDay,
  moratoriumNeedsExemptions,
} from '@qaztech/plugin-registry-common';
import { auditAction } from '../service/auditAction';
import { MoratoriumClient } from '../service/MoratoriumClient';
import { toSystemRef } from '../service/systemRef';
import { examples } from './checkMoratorium.examples';

/** A link to the request wizard with the system filled in. */
export function requestWizardUrl(appBaseUrl: string, systemRef: string) {
  return `${appBaseUrl}/moratorium/new?${new URLSearchParams({
    system: systemRef,
  })}`;
}

function refusal(
  systemRef: string,
  status: MoratoriumStatus,
  wizardUrl: string,
  unknownDecision?: string,
): string {
  const named = unknownDecision
    ? ` The record names decision ${unknownDecision}, which is not among the commission's decisions for ${systemRef}.`
    : '';
  return [
    `The moratorium forbids creating ${systemRef} outside the QazTech platform: ${status.reason}${named}`,
    'Build it on the platform (platform.onPlatform: true), or file an exemption request with the Commission on digitalization ' +
      `(the template "Request an exemption from the moratorium", or the request wizard: ${wizardUrl}) ` +
      'and run this template again once the commission has approved it.',
  ].join(' ');
}

/**
 * Creates `qaztech:moratorium:check`: the moratorium gate of a template. A
 * system on the platform passes; one created off the platform before the
 * moratorium started passes as legacy; one created off the platform on or
 * after the start passes only with an approved, unexpired exemption from the
 * moratorium backend (the same source the register counts). An exemption a
 * template merely writes into the record does not count. Otherwise the step
 * fails with what to file and a link to the request wizard. It only reads,
 * so a dry run gives the same answer.
 *
 * @public
 */
export function createCheckMoratoriumAction(options: {
  moratorium: Pick<MoratoriumClient, 'listExemptions'>;
  auditor: AuditorService;
  appBaseUrl: string;
  moratoriumStart: string;
  /** The clock; tests pin it. */
  now?: () => Date;
}) {
  const { moratorium, auditor, appBaseUrl, moratoriumStart } = options;
  const now = options.now ?? (() => new Date());
  return createTemplateAction({
    id: 'qaztech:moratorium:check',
    description:
      'Refuses a state information system off the QazTech platform that has no approved, unexpired exemption from the moratorium',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        system: z =>
          z
            .string()
            .min(1)
            .describe('The System: its entity ref or name (default namespace)'),
        registry: z =>
          z
            .record(z.unknown())
            .optional()
            .describe(
              'The registry block, e.g. the output entity.spec.registry of qaztech:system:register',
            ),
        onPlatform: z =>
          z
            .boolean()
            .optional()
            .describe(
              'Without a registry block: whether the system runs on the platform',
            ),
        createdAt: z =>
          z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
            .optional()
            .describe(
              'Without a registry block: when the system was created; today by default',
            ),
      },
      output: {
        status: z =>
          z
            .enum(['on-platform', 'legacy-migrating', 'exempted'])
            .describe('The moratorium status the system will have'),
        reason: z => z.string().describe('Why, in English'),
        decisionNumber: z =>
          z
            .string()
            .optional()
            .describe('The commission decision that exempts the system'),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const systemRef = toSystemRef(input.system);
      const at = now();
      const given = (input.registry ?? {}) as Partial<RegistryRecord>;
      const record = {
        ...given,
        createdAt: given.createdAt ?? input.createdAt ?? moratoriumDay(at),
        platform: given.platform ?? { onPlatform: input.onPlatform ?? false },
        lifecycle: given.lifecycle ?? { stage: 'planned', history: [] },
      } as RegistryRecord;

      await auditAction(
        auditor,
        ctx,
        'qaztech-moratorium-check',
        { systemRef, onPlatform: record.platform.onPlatform === true },
        async () => {
          let exemptions: Exemption[] = [];
          if (moratoriumNeedsExemptions(record, moratoriumStart)) {
            exemptions = await moratorium.listExemptions(systemRef);
          }
          const status = evaluateMoratorium({
            record,
            exemptions,
            at,
            moratoriumStart,
          });
          // The register counts an exemption written in the record as made;
          // before creating anything, hold it to the commission's decisions.
          const named = record.platform.exemption?.decisionNumber;
          const unknownDecision =
            named &&
            moratoriumNeedsExemptions(record, moratoriumStart) &&
            !exemptions.some(e => e.decisionNumber === named)
              ? named
              : undefined;
          if (status.status === 'violation' || unknownDecision) {
            throw new NotAllowedError(
              refusal(
                systemRef,
                status,
                requestWizardUrl(appBaseUrl, systemRef),
                unknownDecision,
              ),
            );
          }
          ctx.logger.info(`${systemRef}: ${status.status}. ${status.reason}`);
          ctx.output('status', status.status);
          ctx.output('reason', status.reason);
          if (status.exemption) {
            ctx.output('decisionNumber', status.exemption.decisionNumber);
          }
          return {
            result: undefined,
            meta: {
              status: status.status,
              ...(status.exemption
                ? { decisionNumber: status.exemption.decisionNumber }
                : {}),
            },
          };
        },
      );
    },
  });
}
