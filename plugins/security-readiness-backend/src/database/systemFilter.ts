import { PermissionCriteria } from '@backstage/plugin-permission-common';
import {
  isAndCriteria,
  isNotCriteria,
  isOrCriteria,
} from '@backstage/plugin-permission-node';
import { Knex } from 'knex';
import type { SystemQuery } from '../permissions/resource';

/**
 * Which systems a list may show: the conditions of a conditional permission
 * decision, turned into {@link SystemQuery} filters by the plugin's rules.
 */
export type SystemFilter = PermissionCriteria<SystemQuery>;

/**
 * Adds a filter to a query whose rows name a system in `systemRefColumn`:
 * an owner filter becomes `system_ref in (select system_ref from
 * sr_scorecards where state_body_ref in (...))`; `allOf`, `anyOf` and `not`
 * nest as SQL `and`, `or` and `not`. A system never evaluated has no
 * scorecard row, so an owner filter leaves its rows out.
 */
export function applySystemFilter(
  db: Knex,
  query: Knex.QueryBuilder,
  systemRefColumn: string,
  filter: SystemFilter,
): void {
  if (isAndCriteria(filter)) {
    query.where(q => {
      for (const part of filter.allOf) {
        q.andWhere(inner =>
          applySystemFilter(db, inner, systemRefColumn, part),
        );
      }
    });
  } else if (isOrCriteria(filter)) {
    query.where(q => {
      for (const part of filter.anyOf) {
        q.orWhere(inner => applySystemFilter(db, inner, systemRefColumn, part));
      }
    });
  } else if (isNotCriteria(filter)) {
    query.whereNot(q => applySystemFilter(db, q, systemRefColumn, filter.not));
  } else {
    query.whereIn(
      systemRefColumn,
      db('sr_scorecards')
        .select('system_ref')
        .whereIn(
          'state_body_ref',
          filter.values.map(v => v.toLocaleLowerCase('en-US')),
        ),
    );
  }
}
