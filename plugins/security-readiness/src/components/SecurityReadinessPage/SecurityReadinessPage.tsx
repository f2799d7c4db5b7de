import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Container, Header } from '@backstage/ui';
import Box from '@material-ui/core/Box';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import { useSearchParams } from 'react-router-dom';
import { securityReadinessTranslationRef } from '../../translations';
import { DashboardTab } from './DashboardTab';
import { ReviewQueueTab } from './ReviewQueueTab';

const TABS = ['dashboard', 'queue'] as const;
type TabId = (typeof TABS)[number];

/**
 * The security readiness page: the national dashboard and the security
 * officers' review queue, one tab each; the tab is kept in the URL
 * (`?tab=queue`).
 *
 * @public
 */
export function SecurityReadinessPage() {
  const { t } = useTranslationRef(securityReadinessTranslationRef);
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: TabId = TABS.includes(requested as TabId)
    ? (requested as TabId)
    : 'dashboard';

  return (
    <>
      <Header title={t('page.title')} description={t('page.description')} />
      <Container>
        <Tabs
          value={tab}
          onChange={(_, value: TabId) => setParams({ tab: value })}
          aria-label={t('page.tabsLabel')}
          indicatorColor="primary"
          textColor="primary"
        >
          {TABS.map(id => (
            <Tab key={id} value={id} label={t(`tabs.${id}`)} />
          ))}
        </Tabs>
        <Box my={2} role="tabpanel" aria-label={t(`tabs.${tab}`)}>
          {tab === 'dashboard' && <DashboardTab />}
          {tab === 'queue' && <ReviewQueueTab />}
        </Box>
      </Container>
    </>
  );
}
