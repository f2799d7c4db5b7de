import {
  AuditorService,
  AuditorServiceCreateEventOptions,
} from '@backstage/backend-plugin-api';
import { ActionContext } from '@backstage/plugin-scaffolder-node';

/** The JSON metadata an audit event carries. */
export type AuditMeta = NonNullable<AuditorServiceCreateEventOptions['meta']>;

/**
 * Runs an action's work inside an auditor event of the scaffolder plugin:
 * who ran which template task and step, whether it was a dry run, and what
 * the action did (`meta` before, the result's meta after). A failure is
 * recorded with its error and rethrown.
 */
export async function auditAction<T>(
  auditor: AuditorService,
  ctx: ActionContext<any, any>,
  eventId: string,
  meta: AuditMeta,
  work: () => Promise<{ result: T; meta?: AuditMeta }>,
): Promise<T> {
  const event = await auditor.createEvent({
    eventId,
    // A dry run changes nothing.
    severityLevel: ctx.isDryRun ? 'low' : 'medium',
    meta: {
      taskId: ctx.task.id,
      ...(ctx.step?.id ? { stepId: ctx.step.id } : {}),
      ...(ctx.templateInfo?.entityRef
        ? { templateRef: ctx.templateInfo.entityRef }
        : {}),
      ...(ctx.user?.ref ? { initiator: ctx.user.ref } : {}),
      dryRun: Boolean(ctx.isDryRun),
      ...meta,
    },
  });
  try {
    const { result, meta: after } = await work();
    await event.success(after ? { meta: after } : undefined);
    return result;
  } catch (error) {
    await event.fail({ error: error as Error });
    throw error;
  }
}
