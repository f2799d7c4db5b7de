import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';

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

export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [welcomeWidget],
});
