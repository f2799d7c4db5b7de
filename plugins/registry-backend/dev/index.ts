// A development backend: the real catalog reading the repository's examples,
// and this plugin. Run `yarn start` in the package folder, then e.g.
//   curl 'http://localhost:7007/api/registry/systems?q=портал'
// backend-defaults is not yet a devDependency of this package (it resolves from
// the workspace root); add it with `yarn add --dev` when dependencies may change.
// eslint-disable-next-line @backstage/no-undeclared-imports
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('../src'));
backend.start();
