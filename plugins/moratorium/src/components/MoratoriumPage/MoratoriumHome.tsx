import { LinkButton } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { Container, Header } from '@backstage/ui';
import Box from '@material-ui/core/Box';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import AddIcon from '@material-ui/icons/Add';
import { useSearchParams } from 'react-router-dom';
import { moratoriumTranslationRef } from '../../translations';
import { useMoratoriumLinks } from '../shared';
import { DecisionsRegister } from './DecisionsRegister';
import { RequestsTab } from './RequestsTab';
import { SittingsTab } from './SittingsTab';

const TABS = ['mine', 'intake', 'sittings', 'decisions'] as const;
type TabId = (typeof TABS)[number];

const MINE = { mine: true };
const INTAKE = { state: ['submitted' as const] };

/**
 * The moratorium's front page: the caller's requests, the secretary's
 * intake queue, the sittings and the register of decisions, one tab each;
 * the tab is kept in the URL (`?tab=`).
 */
export function MoratoriumHome() {
  const { t } = useTranslationRef(moratoriumTranslationRef);
  const links = useMoratoriumLinks();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: TabId = TABS.includes(requested as TabId)
    ? (requested as TabId)
    : 'mine';

  return (
    <>
      <Header
        title={t('page.title')}
        description={t('page.description')}
        customActions={
          <LinkButton
            to={links.newRequest()}
            variant="contained"
            color="primary"
            startIcon={<AddIcon />}
          >
            {t('page.newRequest')}
          </LinkButton>
        }
      />
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
          {tab === 'mine' && (
            <RequestsTab filter={MINE} emptyText={t('table.emptyMine')} />
          )}
          {tab === 'intake' && (
            <RequestsTab filter={INTAKE} emptyText={t('table.emptyIntake')} />
          )}
          {tab === 'sittings' && <SittingsTab />}
          {tab === 'decisions' && <DecisionsRegister />}
        </Box>
      </Container>
    </>
  );
}
