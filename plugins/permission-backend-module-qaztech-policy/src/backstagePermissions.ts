import { Permission } from '@backstage/plugin-permission-common';
import {
  catalogEntityCreatePermission,
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
  catalogEntityRefreshPermission,
  catalogEntityValidatePermission,
  catalogIngestionManagePermission,
  catalogIngestionReadPermission,
  catalogLocationAnalyzePermission,
  catalogLocationCreatePermission,
  catalogLocationDeletePermission,
  catalogLocationReadPermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  actionExecutePermission,
  taskCancelPermission,
  taskCreatePermission,
  taskReadPermission,
  templateDryRunPermission,
  templateManagementPermission,
  templateParameterReadPermission,
  templateStepReadPermission,
} from '@backstage/plugin-scaffolder-common/alpha';

/**
 * Who may use one of Backstage's own permissions:
 *
 * - `signed-in`: every signed-in person, with or without a role (the app
 *   cannot show anything without reading the catalog);
 * - `any-role`: a person holding any role of the suite;
 * - `actor`: a person holding a role other than auditor (auditors only read);
 * - `admin`: platform administrators;
 * - `task-owner`: the person who started the scaffolder task, and admins (a
 *   conditional decision with the scaffolder's own `isTaskOwner` rule).
 *
 * @public
 */
export type BackstagePermissionRule =
  | 'signed-in'
  | 'any-role'
  | 'actor'
  | 'admin'
  | 'task-owner';

/** One of Backstage's permissions and who may use it. @public */
export interface BackstagePermissionEntry {
  permission: Permission;
  rule: BackstagePermissionRule;
}

/**
 * Backstage's own permissions that the app's plugins check, written as the
 * permission objects their `-common` packages export (a rename upstream
 * fails the type check instead of silently denying), each with who may use
 * it. Every other permission outside the suite is denied.
 *
 * Plugins of the app that check no permission of their own: notifications
 * and signals (per user by design), search (filters results by the
 * catalog's `catalog.entity.read`), TechDocs (the same), user settings, the
 * proxy, the app backend, MCP actions (each action's visibility permission,
 * here the scaffolder's dry run), and the permission backend itself.
 *
 * @public
 */
export const BACKSTAGE_PERMISSIONS: readonly BackstagePermissionEntry[] = [
  // The catalog: everyone signed in reads (search and TechDocs too); people
  // with an acting role register and refresh; only admins delete.
  { permission: catalogEntityReadPermission, rule: 'signed-in' },
  { permission: catalogLocationReadPermission, rule: 'signed-in' },
  { permission: catalogEntityCreatePermission, rule: 'actor' },
  { permission: catalogEntityRefreshPermission, rule: 'actor' },
  { permission: catalogEntityValidatePermission, rule: 'actor' },
  { permission: catalogLocationCreatePermission, rule: 'actor' },
  { permission: catalogLocationAnalyzePermission, rule: 'actor' },
  { permission: catalogEntityDeletePermission, rule: 'admin' },
  { permission: catalogLocationDeletePermission, rule: 'admin' },
  { permission: catalogIngestionReadPermission, rule: 'admin' },
  { permission: catalogIngestionManagePermission, rule: 'admin' },
  // The scaffolder: templates are read by role holders and run by actors;
  // a task (its parameters, log and output) belongs to whoever started it.
  { permission: templateParameterReadPermission, rule: 'any-role' },
  { permission: templateStepReadPermission, rule: 'any-role' },
  { permission: taskCreatePermission, rule: 'actor' },
  { permission: actionExecutePermission, rule: 'actor' },
  { permission: taskReadPermission, rule: 'task-owner' },
  { permission: taskCancelPermission, rule: 'task-owner' },
  // The template editor runs actions for real in a dry run; template
  // management edits what everyone runs.
  { permission: templateDryRunPermission, rule: 'admin' },
  { permission: templateManagementPermission, rule: 'admin' },
];
