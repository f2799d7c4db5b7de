import {
  createFrontendModule,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import homePlugin from '@backstage/plugin-home/alpha';
import { qaztechAppTranslationRef } from '../../translations/ref';

const welcomeWidget = HomePageWidgetBlueprint.make({
  name: 'qaztech-welcome',
  params: {
    name: 'QazTechWelcome',
    title: 'QazTech',
    description: 'What the platform governs and where to start',
    components: async () => {
      const { QazTechWelcome } = await import('./QazTechWelcome');
      return { Content: QazTechWelcome };
    },
  },
});

/** A widget's card title in the reader's language. */
function WidgetTitle({ of }: { of: 'starred' | 'recentlyVisited' }) {
  const { t } = useTranslationRef(qaztechAppTranslationRef);
  return <>{t(`home.widgets.${of}`)}</>;
}

// Backstage's widgets take their card title as a plain string
// (HomePageWidgetBlueprint `title`); a `title` prop wins over it, and the
// card draws it as a node, so the title follows the app language.
const starredEntitiesWidget = homePlugin
  .getExtension('home-page-widget:home/starred-entities')
  .override({
    params: { componentProps: { title: <WidgetTitle of="starred" /> } },
  });
const recentlyVisitedWidget = homePlugin
  .getExtension('home-page-widget:home/recently-visited')
  .override({
    params: {
      componentProps: { title: <WidgetTitle of="recentlyVisited" /> },
    },
  });

export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [welcomeWidget, starredEntitiesWidget, recentlyVisitedWidget],
});
