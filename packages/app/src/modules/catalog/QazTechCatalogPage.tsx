import { ReactNode } from 'react';
import useAsync from 'react-use/esm/useAsync';
import AddIcon from '@material-ui/icons/Add';
import { SupportButton } from '@backstage/core-components';
import {
  configApiRef,
  createApiRef,
  useApi,
  useRouteRef,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { CatalogTable, catalogTranslationRef } from '@backstage/plugin-catalog';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import {
  CatalogFilterLayout,
  EntityListPagination,
  EntityListProvider,
  useEntityList,
} from '@backstage/plugin-catalog-react';
import { ButtonLink, Container, Header } from '@backstage/ui';
import { qaztechAppTranslationRef } from '../../translations/ref';

/** Kinds whose plural the table title names; others are «entities». */
const KINDS = [
  'system',
  'component',
  'api',
  'group',
  'user',
  'resource',
  'location',
  'domain',
  'template',
] as const;
type Kind = (typeof KINDS)[number] | 'other';

const LISTS = ['all', 'owned', 'starred'] as const;
type List = (typeof LISTS)[number];

/**
 * The permission API, by its id: the app does not depend on
 * `@backstage/plugin-permission-react`, and this page asks one question.
 */
const permissionApiRef = createApiRef<{
  authorize(request: {
    permission: {
      type: 'basic';
      name: string;
      attributes: { action?: 'create' };
    };
  }): Promise<{ result: 'ALLOW' | 'DENY' }>;
}>({ id: 'plugin.permission.api' });

/**
 * The catalog table titled in the reader's language («Все системы (87)»,
 * «Барлық жүйелер (87)»). Backstage's own title joins the list filter's raw
 * value and the kind's English plural («All Components»).
 */
function TranslatedCatalogTable() {
  const { t } = useTranslationRef(qaztechAppTranslationRef);
  const { filters, totalItems } = useEntityList();
  const kindValue = filters.kind?.value?.toLocaleLowerCase('en-US') ?? '';
  const kind: Kind = (KINDS as readonly string[]).includes(kindValue)
    ? (kindValue as Kind)
    : 'other';
  const listValue = filters.user?.value ?? 'all';
  const list: List = (LISTS as readonly string[]).includes(listValue)
    ? (listValue as List)
    : 'all';
  const title = t(`catalog.list.${list}`, {
    kinds: t(`catalog.kinds.${kind}`),
  });
  return (
    <CatalogTable
      title={
        typeof totalItems === 'number' ? `${title} (${totalItems})` : title
      }
    />
  );
}

function CreateButton() {
  const { t } = useTranslationRef(catalogTranslationRef);
  const createLink = useRouteRef(catalogPlugin.externalRoutes.createComponent);
  const permissionApi = useApi(permissionApiRef);
  const { value: allowed } = useAsync(
    async () =>
      (
        await permissionApi.authorize({
          permission: {
            type: 'basic',
            name: 'catalog.entity.create',
            attributes: { action: 'create' },
          },
        })
      ).result === 'ALLOW',
    [permissionApi],
  );
  const href = createLink?.();
  if (!allowed || !href) return null;
  return (
    <ButtonLink variant="primary" href={href} iconStart={<AddIcon />}>
      {t('indexPage.createButtonTitle')}
    </ButtonLink>
  );
}

/** What the catalog page draws, from its extension's inputs and config. */
export interface QazTechCatalogPageProps {
  filters: ReactNode;
  pagination?: EntityListPagination;
}

/**
 * Backstage's catalog index page (as `NfsDefaultCatalogPage` draws it) with
 * the table title in the reader's language.
 */
export function QazTechCatalogPage({
  filters,
  pagination,
}: QazTechCatalogPageProps) {
  const { t } = useTranslationRef(catalogTranslationRef);
  const orgName =
    useApi(configApiRef).getOptionalString('organization.name') ?? 'QazTech';
  return (
    <EntityListProvider pagination={pagination}>
      <Header
        title={t('indexPage.title', { orgName })}
        customActions={
          <>
            <CreateButton />
            <SupportButton>{t('indexPage.supportButtonContent')}</SupportButton>
          </>
        }
      />
      <Container>
        <CatalogFilterLayout>
          <CatalogFilterLayout.Filters>{filters}</CatalogFilterLayout.Filters>
          <CatalogFilterLayout.Content>
            <TranslatedCatalogTable />
          </CatalogFilterLayout.Content>
        </CatalogFilterLayout>
      </Container>
    </EntityListProvider>
  );
}
