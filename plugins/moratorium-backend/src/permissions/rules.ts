import {
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import {
  MORATORIUM_REQUEST_RESOURCE_TYPE,
  MORATORIUM_REQUEST_RULES,
} from '@qaztech/plugin-moratorium-common';
import { z } from 'zod';
import { RequestQuery, StoredRequest } from '../database/MoratoriumStore';

/**
 * The `moratorium-request` resource type: an exemption request as the store
 * holds it, and the filter its rules become for list queries.
 */
export const moratoriumRequestResourceRef = createPermissionResourceRef<
  StoredRequest,
  RequestQuery
>().with({
  pluginId: 'moratorium',
  resourceType: MORATORIUM_REQUEST_RESOURCE_TYPE,
});

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

/** Requests of one of the state bodies, or filed by one of the users, named. */
export const isApplicantBody = createPermissionRule({
  name: MORATORIUM_REQUEST_RULES.isApplicantBody,
  description:
    'Allow requests whose state body, or applicant, is one of the given refs',
  resourceRef: moratoriumRequestResourceRef,
  paramsSchema: z.object({
    refs: z
      .array(z.string())
      .describe('Group and User refs: the person and the groups they are in'),
  }),
  apply: (request, { refs }) => {
    const set = new Set(refs.map(lower));
    return (
      set.has(lower(request.applicant)) ||
      (!!request.stateBodyRef && set.has(lower(request.stateBodyRef)))
    );
  },
  toQuery: ({ refs }) => ({ kind: 'applicant-body', refs: refs.map(lower) }),
});

/** Requests that have been put on a sitting's agenda (decided ones too). */
export const isOnAgenda = createPermissionRule({
  name: MORATORIUM_REQUEST_RULES.isOnAgenda,
  description: "Allow requests that have been put on a sitting's agenda",
  resourceRef: moratoriumRequestResourceRef,
  apply: request => !!request.sittingId,
  toQuery: () => ({ kind: 'on-agenda' as const }),
});

/** Every rule of the `moratorium-request` resource type. */
export const moratoriumRequestRules = [isApplicantBody, isOnAgenda];
