import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import moratoriumPlugin from '@qaztech/plugin-moratorium/alpha';
import registryPlugin from '@qaztech/plugin-registry/alpha';
import securityReadinessPlugin from '@qaztech/plugin-security-readiness/alpha';
import { navModule } from './modules/nav';
import { homeModule } from './modules/home';
import { searchModule } from './modules/search';
import { catalogModule } from './modules/catalog';
import { signInModule } from './modules/signIn';
import { translationsModule } from './translations';

export default createApp({
  features: [
    catalogPlugin,
    registryPlugin,
    moratoriumPlugin,
    securityReadinessPlugin,
    navModule,
    homeModule,
    searchModule,
    catalogModule,
    signInModule,
    translationsModule,
  ],
});
