import { createPermissionRule } from '@backstage/plugin-permission-node';
import { SECURITY_READINESS_RULES } from '@qaztech/plugin-security-readiness-common';
import { z } from 'zod';
import { securityReadinessSystemResourceRef } from './resource';

/**
 * `IS_OWNER_BODY`: the system's owner Group is one of `ownerRefs` (the
 * policy passes the person's ownership refs). As a query, a filter on the
 * scorecards' `state_body_ref`.
 */
export const isOwnerBody = createPermissionRule({
  name: SECURITY_READINESS_RULES.isOwnerBody,
  description: 'Allow systems whose owner Group is one of the given groups',
  resourceRef: securityReadinessSystemResourceRef,
  paramsSchema: z.object({
    ownerRefs: z.array(z.string()).describe('Group entity refs'),
  }),
  apply: (resource, params) =>
    params.ownerRefs
      .map(ref => ref.toLocaleLowerCase('en-US'))
      .includes(resource.ownerRef.toLocaleLowerCase('en-US')),
  toQuery: params => ({
    key: 'owner' as const,
    values: params.ownerRefs.map(ref => ref.toLocaleLowerCase('en-US')),
  }),
});

/** Every rule of the security readiness resource type. */
export const securityReadinessRules = [isOwnerBody];
