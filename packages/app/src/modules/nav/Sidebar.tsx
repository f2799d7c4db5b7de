import {
  Sidebar,
  SidebarDivider,
  SidebarGroup,
  SidebarItem,
  SidebarScrollWrapper,
  SidebarSpace,
} from '@backstage/core-components';
import { NavContentBlueprint } from '@backstage/plugin-app-react';
import { SidebarLogo } from './SidebarLogo';
import MenuIcon from '@material-ui/icons/Menu';
import SearchIcon from '@material-ui/icons/Search';
import { SidebarSearchModal } from '@backstage/plugin-search';
import { UserSettingsSignInAvatar } from '@backstage/plugin-user-settings';
import { NotificationsSidebarItem } from '@backstage/plugin-notifications';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { qaztechAppTranslationRef } from '../../translations';

/** Nav items whose titles the app translates, by page extension id. */
const TRANSLATED_ITEMS = {
  'page:home': 'nav.home',
  'page:catalog': 'nav.catalog',
  'page:registry': 'nav.registry',
  'page:moratorium': 'nav.moratorium',
  'page:security-readiness': 'nav.securityReadiness',
  'page:scaffolder': 'nav.create',
  'page:api-docs': 'nav.apis',
  'page:techdocs': 'nav.docs',
  'page:user-settings': 'nav.settingsPage',
  'page:catalog-graph': 'nav.catalogGraph',
  'page:catalog-import': 'nav.catalogImport',
  'page:app-visualizer': 'nav.visualizer',
} as const;

export const SidebarContent = NavContentBlueprint.make({
  params: {
    component: function QazTechSidebar({ navItems }) {
      const { t } = useTranslationRef(qaztechAppTranslationRef);
      const nav = navItems.withComponent(item => {
        const key =
          TRANSLATED_ITEMS[item.node.spec.id as keyof typeof TRANSLATED_ITEMS];
        return (
          <SidebarItem
            icon={() => item.icon}
            to={item.href}
            text={key ? t(key) : item.title}
          />
        );
      });

      // Skipped items
      nav.take('page:search'); // Using search modal instead
      nav.take('page:notifications'); // Using NotificationsSidebarItem manually instead

      return (
        <Sidebar>
          <SidebarLogo />
          <SidebarGroup
            label={t('nav.search')}
            icon={<SearchIcon />}
            to="/search"
          >
            <SidebarSearchModal />
          </SidebarGroup>
          <SidebarDivider />
          <SidebarGroup label={t('nav.menu')} icon={<MenuIcon />}>
            {nav.take('page:home')}
            {nav.take('page:catalog')}
            {nav.take('page:registry')}
            {nav.take('page:moratorium')}
            {nav.take('page:security-readiness')}
            {nav.take('page:scaffolder')}
            <SidebarDivider />
            <SidebarScrollWrapper>
              {nav.rest({ sortBy: 'title' })}
            </SidebarScrollWrapper>
          </SidebarGroup>
          <SidebarSpace />
          <SidebarDivider />
          <NotificationsSidebarItem text={t('nav.notifications')} />
          <SidebarDivider />
          <SidebarGroup
            label={t('nav.settings')}
            icon={<UserSettingsSignInAvatar />}
            to="/settings"
          >
            {nav.take('page:app-visualizer')}
            {nav.take('page:user-settings')}
          </SidebarGroup>
        </Sidebar>
      );
    },
  },
});
