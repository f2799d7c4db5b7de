/*
 * The QazTech backend: Backstage's plugins as create-app wires them, plus the
 * suite's own plugins and modules.
 */

import { createBackend } from '@backstage/backend-defaults';
import { catalogModuleMoratoriumExemptions } from '@qaztech/plugin-moratorium-backend';
import { catalogModuleLocalFileLocations } from '@qaztech/plugin-scaffolder-backend-module-qaztech';
import { authModuleDemoProvider } from './modules/demoSignIn';
import { authModuleQazTechOidcProvider } from './modules/oidcSignIn';
import { securityReadinessModuleDemoFacts } from './modules/demoReadinessFacts';
import { checkConfigAtStart } from './startup/checkAtStart';
import { shutdownDeadlineModule } from './modules/shutdownDeadline';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
// a shutdown ends within qaztech.lifecycle.shutdownTimeout even when open
// WebSockets keep the HTTP server from closing (./modules/shutdownDeadline)
backend.add(shutdownDeadlineModule);
backend.add(import('@backstage/plugin-proxy-backend'));

// scaffolder plugin
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);
// QazTech actions: register a system, the moratorium check and exemption
// request, publishing to a local git repository
backend.add(import('@qaztech/plugin-scaffolder-backend-module-qaztech'));
// lets the catalog take the file locations of local publishing, when
// qaztech.scaffolder.localPublish.enabled (development only)
backend.add(catalogModuleLocalFileLocations);

// techdocs plugin
backend.add(import('@backstage/plugin-techdocs-backend'));

// auth plugin: OIDC in production, demo sign-in as any catalog user in
// development (refused in production, see ./modules/demoSignIn)
backend.add(import('@backstage/plugin-auth-backend'));
// the OIDC provider with the suite's catalog resolver (./modules/oidcSignIn)
backend.add(authModuleQazTechOidcProvider);
backend.add(authModuleDemoProvider);

// catalog plugin
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
// the register: validation, relations and moratorium status of state
// information systems, and the national register import
backend.add(import('@qaztech/plugin-catalog-backend-module-registry'));
// the commission's decisions as the register's exemption source
backend.add(catalogModuleMoratoriumExemptions);

// See https://backstage.io/docs/features/software-catalog/configuration#subscribing-to-catalog-errors
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

// permission plugin
backend.add(import('@backstage/plugin-permission-backend'));
// the QazTech role policy (plugins/permission-backend-module-qaztech-policy)

// search plugin
backend.add(import('@backstage/plugin-search-backend'));

// search engine
// See https://backstage.io/docs/features/search/search-engines
backend.add(import('@backstage/plugin-search-backend-module-pg'));

// search collators
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
backend.add(import('@backstage/plugin-search-backend-module-techdocs'));

// user settings plugin
backend.add(import('@backstage/plugin-user-settings-backend'));

// notifications and signals plugins
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// mcp actions plugin
backend.add(import('@backstage/plugin-mcp-actions-backend'));

backend.add(import('@qaztech/plugin-permission-backend-module-qaztech-policy'));

// the register API: projection, filters, statistics, export, import log
backend.add(import('@qaztech/plugin-registry-backend'));
// the moratorium: exemption requests, commission votes and decisions, audit
backend.add(import('@qaztech/plugin-moratorium-backend'));
// security readiness: scorecards, facts, attestations, waivers, sign-off
backend.add(import('@qaztech/plugin-security-readiness-backend'));
// development only: tool facts for some demo systems (examples/readiness)
backend.add(securityReadinessModuleDemoFacts);
// A production configuration missing a secret, the database, the base URL or
// an OIDC setting stops start-up with a message naming the variable, before
// any plugin starts (./startup/productionConfig). A replica that cannot start
// (e.g. another replica held the migration lock when several started at once
// on an empty database) exits, so that its orchestrator restarts it at once
// instead of leaving it never ready.
checkConfigAtStart()
  .then(() => backend.start())
  .catch(error => {
    // eslint-disable-next-line no-console
    console.error('The backend failed to start:', error);
    process.exit(1);
  });
