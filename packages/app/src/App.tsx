import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import moratoriumPlugin from '@qaztech/plugin-moratorium/alpha';
import registryPlugin from '@qaztech/plugin-registry/alpha';
import securityReadinessPlugin from '@qaztech/plugin-security-readiness/alpha';
import { navModule } from './modules/nav';
import { homeModule } from './modules/home';
import { pickersModule } from './modules/pickers';
import { presentationModule } from './modules/presentation';
import { searchModule } from './modules/search';
import { catalogModule } from './modules/catalog';
import { signInModule } from './modules/signIn';
import { themeModule } from './modules/theme';
import { translationsModule } from './translations';

export default createApp({
  features: [
    catalogPlugin,
    registryPlugin,
    moratoriumPlugin,
    securityReadinessPlugin,
    navModule,
    homeModule,
    pickersModule,
    presentationModule,
    searchModule,
    catalogModule,
    signInModule,
    themeModule,
    translationsModule,
  ],
});
