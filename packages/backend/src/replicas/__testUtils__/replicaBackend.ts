/*
 * One backend replica for the two-replica test (replicas.test.ts), started
 * as its own OS process:
 *
 *   node --require @backstage/cli/config/nodeTransform.cjs \
 *     src/replicas/__testUtils__/replicaBackend.ts --config <file>
 *
 * It carries what the suite's scheduled tasks and the test's requests need:
 * the catalog with the register's module (the national register import) and
 * the moratorium's exemption source, the registry, moratorium and security
 * readiness backends, notifications, auth with demo sign-in and the QazTech
 * permission policy. The scheduler and the database manager are the real
 * ones of @backstage/backend-defaults, so the tasks take their turns through
 * the scheduler's table in PostgreSQL as in production.
 */

import { createBackend } from '@backstage/backend-defaults';
import { catalogModuleMoratoriumExemptions } from '@qaztech/plugin-moratorium-backend';
import { authModuleDemoProvider } from '../../modules/demoSignIn';

const backend = createBackend();

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(authModuleDemoProvider);

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@qaztech/plugin-catalog-backend-module-registry'));
backend.add(catalogModuleMoratoriumExemptions);

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('@qaztech/plugin-permission-backend-module-qaztech-policy'));

backend.add(import('@backstage/plugin-notifications-backend'));

backend.add(import('@qaztech/plugin-registry-backend'));
backend.add(import('@qaztech/plugin-moratorium-backend'));
backend.add(import('@qaztech/plugin-security-readiness-backend'));

// A replica that cannot start must end, not linger unready: the test (like
// an orchestrator) sees the exit at once.
backend.start().catch(error => {
  process.stderr.write(`Replica startup failed: ${error}\n`);
  process.exit(1);
});
