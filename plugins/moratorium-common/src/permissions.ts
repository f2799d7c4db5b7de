import {
  PermissionCondition,
  createPermission,
} from '@backstage/plugin-permission-common';

/**
 * The resource type of an exemption request (its dossier and attachments),
 * for conditional decisions on {@link moratoriumRequestReadPermission}.
 *
 * @public
 */
export const MORATORIUM_REQUEST_RESOURCE_TYPE = 'moratorium-request';

/**
 * Read exemption requests: their dossiers (costs, security and exit plans,
 * attachments), opinions, votes and history. A resource permission: the
 * policy narrows it with conditions (see {@link moratoriumRequestConditions})
 * that the moratorium backend applies as SQL to lists and to each request
 * read. It deliberately carries no `action: 'read'` attribute, so that a
 * policy's blanket "may read" does not open every dossier to every role.
 *
 * @public
 */
export const moratoriumRequestReadPermission = createPermission({
  name: 'moratorium.request.read',
  attributes: {},
  resourceType: MORATORIUM_REQUEST_RESOURCE_TYPE,
});

/**
 * The names of the moratorium backend's permission rules for
 * {@link MORATORIUM_REQUEST_RESOURCE_TYPE}.
 *
 * @public
 */
export const MORATORIUM_REQUEST_RULES = {
  /** The request's state body, or its applicant, is among `params.refs`. */
  isApplicantBody: 'IS_APPLICANT_BODY',
  /** The request has been put on a sitting's agenda (and maybe decided since). */
  isOnAgenda: 'IS_ON_AGENDA',
} as const;

/**
 * Builders of the conditions on {@link MORATORIUM_REQUEST_RESOURCE_TYPE}
 * that a permission policy returns in a conditional decision. Plain data,
 * no backend imports.
 *
 * @public
 */
export const moratoriumRequestConditions = {
  /**
   * Requests of one of these state bodies (Group refs) or filed by one of
   * these users: pass the person's ownership refs.
   */
  isApplicantBody(params: {
    refs: string[];
  }): PermissionCondition<'moratorium-request', { refs: string[] }> {
    return {
      resourceType: MORATORIUM_REQUEST_RESOURCE_TYPE,
      rule: MORATORIUM_REQUEST_RULES.isApplicantBody,
      params: {
        refs: [...new Set(params.refs.map(r => r.toLocaleLowerCase('en-US')))],
      },
    };
  },
  /** Requests that have been put on a sitting's agenda. */
  isOnAgenda(): PermissionCondition<'moratorium-request', {}> {
    return {
      resourceType: MORATORIUM_REQUEST_RESOURCE_TYPE,
      rule: MORATORIUM_REQUEST_RULES.isOnAgenda,
      params: {},
    };
  },
};

/** Start an exemption request (a draft). @public */
export const moratoriumRequestCreatePermission = createPermission({
  name: 'moratorium.request.create',
  attributes: { action: 'create' },
});

/** Edit a draft, and answer a request for information. @public */
export const moratoriumRequestUpdatePermission = createPermission({
  name: 'moratorium.request.update',
  attributes: { action: 'update' },
});

/** Sign and submit a request on behalf of the state body. @public */
export const moratoriumRequestSubmitPermission = createPermission({
  name: 'moratorium.request.submit',
  attributes: {},
});

/** Withdraw a request before it is decided. @public */
export const moratoriumRequestWithdrawPermission = createPermission({
  name: 'moratorium.request.withdraw',
  attributes: {},
});

/** Take in a submitted request (accept it for review or return it). @public */
export const moratoriumRequestIntakePermission = createPermission({
  name: 'moratorium.request.intake',
  attributes: {},
});

/** Ask the applicant for more information during a review. @public */
export const moratoriumRequestRequestInfoPermission = createPermission({
  name: 'moratorium.request.request-info',
  attributes: {},
});

/** Give the platform's feasibility opinion. @public */
export const moratoriumReviewPlatformPermission = createPermission({
  name: 'moratorium.review.platform',
  attributes: {},
});

/** Give the ministry's opinion (with the agenda). @public */
export const moratoriumReviewMinistryPermission = createPermission({
  name: 'moratorium.review.ministry',
  attributes: {},
});

/** Put a request on a sitting's agenda. @public */
export const moratoriumAgendaSetPermission = createPermission({
  name: 'moratorium.agenda.set',
  attributes: {},
});

/** Vote on a request on the agenda. @public */
export const moratoriumVoteCastPermission = createPermission({
  name: 'moratorium.vote.cast',
  attributes: {},
});

/** Recuse oneself from a vote. @public */
export const moratoriumVoteRecusePermission = createPermission({
  name: 'moratorium.vote.recuse',
  attributes: {},
});

/** Record the commission's decision and protocol. @public */
export const moratoriumDecisionRecordPermission = createPermission({
  name: 'moratorium.decision.record',
  attributes: {},
});

/** Revoke an approved exemption. @public */
export const moratoriumDecisionRevokePermission = createPermission({
  name: 'moratorium.decision.revoke',
  attributes: {},
});

/** Read the register of decisions. @public */
export const moratoriumDecisionReadPermission = createPermission({
  name: 'moratorium.decision.read',
  attributes: { action: 'read' },
});

/** Mark a condition of an approval met. @public */
export const moratoriumConditionUpdatePermission = createPermission({
  name: 'moratorium.condition.update',
  attributes: {},
});

/** Read the audit record and verify its hash chain. @public */
export const moratoriumAuditReadPermission = createPermission({
  name: 'moratorium.audit.read',
  attributes: { action: 'read' },
});

/** Every permission of the moratorium plugin. @public */
export const moratoriumPermissions = [
  moratoriumRequestReadPermission,
  moratoriumRequestCreatePermission,
  moratoriumRequestUpdatePermission,
  moratoriumRequestSubmitPermission,
  moratoriumRequestWithdrawPermission,
  moratoriumRequestIntakePermission,
  moratoriumRequestRequestInfoPermission,
  moratoriumReviewPlatformPermission,
  moratoriumReviewMinistryPermission,
  moratoriumAgendaSetPermission,
  moratoriumVoteCastPermission,
  moratoriumVoteRecusePermission,
  moratoriumDecisionRecordPermission,
  moratoriumDecisionRevokePermission,
  moratoriumDecisionReadPermission,
  moratoriumConditionUpdatePermission,
  moratoriumAuditReadPermission,
];
