import { createPermission } from '@backstage/plugin-permission-common';

/** Read submitted requests, their dossiers, votes and history. @public */
export const moratoriumRequestReadPermission = createPermission({
  name: 'moratorium.request.read',
  attributes: { action: 'read' },
});

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
