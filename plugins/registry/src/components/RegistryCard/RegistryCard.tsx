import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { Link, Progress } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  EntityInfoCard,
  EntityRefLink,
  catalogApiRef,
  entityRouteRef,
  useEntity,
} from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  PLATFORM_STATUS_LABEL,
  PLATFORM_STATUS_DETAIL_ANNOTATION,
  UNVERIFIED_CLAIMS_ANNOTATION,
  UnverifiedClaim,
  PLATFORM_STATUS_REASON_ANNOTATION,
  RegistryParty,
  RegistryRecord,
  MoratoriumReasonDetail,
  EXEMPTIONS_ANNOTATION,
  isStateInformationSystem,
  readExemptionsAnnotation,
} from '@qaztech/plugin-registry-common';
import { ReactNode } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { registryTranslationRef } from '../../translations';
import { PlatformStatusChip } from '../PlatformStatusChip';
import { UnverifiedClaims } from '../UnverifiedClaims';

const useStyles = makeStyles(theme => ({
  list: {
    display: 'grid',
    gridTemplateColumns: 'minmax(10rem, max-content) 1fr',
    columnGap: theme.spacing(2),
    rowGap: theme.spacing(1),
    margin: 0,
  },
  term: {
    color: theme.palette.text.secondary,
    fontWeight: 500,
  },
  value: {
    margin: 0,
    overflowWrap: 'anywhere',
  },
  plainList: {
    margin: 0,
    paddingLeft: theme.spacing(2),
  },
}));

function Row(props: { term: string; children: ReactNode }) {
  const classes = useStyles();
  return (
    <>
      <Typography component="dt" variant="body2" className={classes.term}>
        {props.term}
      </Typography>
      <Typography component="dd" variant="body2" className={classes.value}>
        {props.children}
      </Typography>
    </>
  );
}

const REASON_CODES: readonly MoratoriumReasonDetail['code'][] = [
  'on-platform',
  'legacy-decommissioned',
  'legacy-no-deadline',
  'legacy-deadline-passed',
  'legacy-migrating',
  'exempted',
  'exempted-open-ended',
  'no-exemption',
  'exemption-revoked',
  'exemption-expired',
  'exemption-not-yet',
];

/** The unverified claims the catalog module wrote; none when unreadable. */
function readClaims(json: string | undefined): UnverifiedClaim[] {
  if (!json) {
    return [];
  }
  try {
    const claims = JSON.parse(json);
    return Array.isArray(claims)
      ? claims.filter(
          c =>
            ['createdAt', 'onPlatform', 'exemption'].includes(c?.field) &&
            typeof c.claimed === 'string' &&
            typeof c.evidence === 'string',
        )
      : [];
  } catch {
    return [];
  }
}

/** The reason detail the catalog module wrote, when it is one we can say. */
function readReasonDetail(
  json: string | undefined,
): MoratoriumReasonDetail | undefined {
  if (!json) {
    return undefined;
  }
  try {
    const detail = JSON.parse(json);
    return REASON_CODES.includes(detail?.code) ? detail : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The paths of the tabs other plugins of the suite add to System pages: the
 * moratorium's exemption tab and the security readiness scorecard.
 */
const EXEMPTION_TAB = 'exemption';
const SCORECARD_TAB = 'security-readiness';

/**
 * The systems whose register record names this one among its integrations:
 * a catalog query on the `dependsOn` relation the registry module emits
 * (it emits no reverse relation, see its README).
 */
function UsedBy(props: { entity: Entity }) {
  const catalogApi = useApi(catalogApiRef);
  const { t } = useTranslationRef(registryTranslationRef);
  const classes = useStyles();
  const ref = stringifyEntityRef(props.entity);
  const { value, loading, error } = useAsync(
    async () =>
      (
        await catalogApi.getEntities({
          filter: { kind: 'system', 'relations.dependsOn': ref },
          fields: ['kind', 'metadata.namespace', 'metadata.name'],
          order: { field: 'metadata.name', order: 'asc' },
        })
      ).items,
    [catalogApi, ref],
  );
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <>{t('card.usedByError', { message: error.message })}</>;
  }
  if (!value?.length) {
    return <>{t('card.none')}</>;
  }
  return (
    <ul className={classes.plainList}>
      {value.map(other => (
        <li key={stringifyEntityRef(other)}>
          <EntityRefLink entityRef={other} defaultKind="system" />
        </li>
      ))}
    </ul>
  );
}

/**
 * The register's record of a state information system, on its entity page:
 * titles, legal basis, parties, lifecycle, moratorium status and its reason,
 * hosting, classification, data, the security test act, and where to go
 * next. Renders nothing for any other entity.
 *
 * @public
 */
export function RegistryCard() {
  const { entity } = useEntity();
  const { t } = useTranslationRef(registryTranslationRef);
  const classes = useStyles();
  const entityRoute = useRouteRef(entityRouteRef);

  if (!isStateInformationSystem(entity)) {
    return null;
  }
  const record: RegistryRecord = entity.spec.registry;
  const entityPage = entityRoute({
    kind: 'system',
    namespace: entity.metadata.namespace ?? 'default',
    name: entity.metadata.name,
  });
  const status = entity.metadata.labels?.[PLATFORM_STATUS_LABEL];
  const detail = readReasonDetail(
    entity.metadata.annotations?.[PLATFORM_STATUS_DETAIL_ANNOTATION],
  );
  // The English sentence stays the fallback for entities processed before
  // the module wrote the detail annotation.
  const reason = detail
    ? t(`reason.${detail.code}`, {
        createdAt: detail.createdAt ?? '',
        moratoriumStart: detail.moratoriumStart ?? '',
        deadline: detail.deadline ?? '',
        decisionNumber: detail.decisionNumber ?? '',
        decisionDate: detail.decisionDate ?? '',
        expiresAt: detail.expiresAt ?? '',
      })
    : entity.metadata.annotations?.[PLATFORM_STATUS_REASON_ANNOTATION];
  const party = (p: RegistryParty) =>
    t('card.party', { name: p.name, bin: p.bin });
  // The exemption in force and the earlier decisions as the catalog module
  // evaluated them with the status, so this row and «Основание» agree; the
  // record's own exemption only for entities processed before it wrote them.
  const exemptions = readExemptionsAnnotation(
    entity.metadata.annotations?.[EXEMPTIONS_ANNOTATION],
  );
  const exemption = exemptions ? exemptions.inForce : record.platform.exemption;
  const migrationDeadline = record.platform.migration?.deadline;

  return (
    <EntityInfoCard title={t('card.title')}>
      <Box component="dl" className={classes.list}>
        <Row term={t('card.titleRu')}>{record.title.ru}</Row>
        <Row term={t('card.titleKk')}>{record.title.kk}</Row>
        {record.title.en && (
          <Row term={t('card.titleEn')}>{record.title.en}</Row>
        )}
        <Row term={t('card.registryNumber')}>
          {record.registryNumber ?? t('card.none')}
        </Row>
        <Row term={t('card.purpose')}>{record.purpose}</Row>
        <Row term={t('card.legalBasis')}>
          {record.legalBasis
            ? t('card.legalBasisValue', {
                actType: t(`legalActType.${record.legalBasis.actType}`),
                number: record.legalBasis.number,
                date: record.legalBasis.date,
              })
            : t('card.none')}
        </Row>
        <Row term={t('card.stateBody')}>
          <EntityRefLink entityRef={entity.spec.owner} defaultKind="group" />
        </Row>
        <Row term={t('card.ownerKind')}>
          {t(`ownerKind.${record.ownerKind}`)}
        </Row>
        <Row term={t('card.owner')}>{party(record.parties.owner)}</Row>
        {record.parties.operator && (
          <Row term={t('card.operator')}>{party(record.parties.operator)}</Row>
        )}
        {record.parties.developer && (
          <Row term={t('card.developer')}>
            {party(record.parties.developer)}
          </Row>
        )}
        {record.securityOfficer && (
          <Row term={t('card.securityOfficer')}>
            <EntityRefLink
              entityRef={record.securityOfficer}
              defaultKind="user"
            />
          </Row>
        )}
        <Row term={t('card.lifecycle')}>
          {t(`lifecycleStage.${record.lifecycle.stage}`)}
          <ol className={classes.plainList}>
            {record.lifecycle.history.map(event => (
              <li key={`${event.stage}-${event.date}`}>
                {t('card.lifecycleEvent', {
                  stage: t(`lifecycleStage.${event.stage}`),
                  date: event.date,
                })}
              </li>
            ))}
          </ol>
        </Row>
        <Row term={t('card.platformStatus')}>
          <PlatformStatusChip status={status} />
          {migrationDeadline && (
            <Box component="span" ml={1}>
              {t('card.migrationDeadline', { date: migrationDeadline })}
            </Box>
          )}
        </Row>
        {reason && <Row term={t('card.reason')}>{reason}</Row>}
        <UnverifiedClaims
          claims={readClaims(
            entity.metadata.annotations?.[UNVERIFIED_CLAIMS_ANNOTATION],
          )}
        />
        <Row term={t('card.exemption')}>
          {exemption
            ? `${t('card.exemptionValue', {
                number: exemption.decisionNumber,
                date: exemption.decisionDate,
              })}, ${
                exemption.expiresAt
                  ? t('card.exemptionExpires', { date: exemption.expiresAt })
                  : t('card.exemptionOpenEnded')
              }`
            : t('card.none')}
          {exemptions && exemptions.earlier.length > 0 && (
            <Box mt={1}>
              <Typography variant="body2" className={classes.term}>
                {t('card.earlierDecisions')}
              </Typography>
              <ul className={classes.plainList}>
                {exemptions.earlier.map(earlier => (
                  <li
                    key={`${earlier.source}-${earlier.decisionNumber}-${earlier.decisionDate}`}
                  >
                    {t('card.exemptionValue', {
                      number: earlier.decisionNumber,
                      date: earlier.decisionDate,
                    })}
                    {earlier.expiresAt
                      ? `, ${t('card.exemptionExpires', {
                          date: earlier.expiresAt,
                        })}`
                      : ''}
                    {` — ${t(`card.earlierState.${earlier.state}`)}`}
                  </li>
                ))}
              </ul>
            </Box>
          )}
          <Box>
            <Link to={`${entityPage}/${EXEMPTION_TAB}`}>
              {t('card.exemptionLink')}
            </Link>
          </Box>
        </Row>
        <Row term={t('card.hosting')}>
          {t('card.hostingValue', {
            kind: t(`hostingKind.${record.hosting.kind}`),
            country: record.hosting.country,
          })}
        </Row>
        <Row term={t('card.classification')}>
          {record.classification.critical
            ? t('card.critical')
            : t('card.notCritical')}
          {'; '}
          {t('card.cia', {
            confidentiality: t(
              `ciaLevel.${record.classification.confidentiality}`,
            ),
            integrity: t(`ciaLevel.${record.classification.integrity}`),
            availability: t(`ciaLevel.${record.classification.availability}`),
          })}
        </Row>
        <Row term={t('card.dataCategories')}>
          {record.dataCategories.length > 0
            ? record.dataCategories
                .map(category => t(`dataCategory.${category}`))
                .join(', ')
            : t('card.none')}
        </Row>
        <Row term={t('card.securityTestAct')}>
          {record.securityTestAct
            ? t('card.securityTestActValue', {
                number: record.securityTestAct.number,
                date: record.securityTestAct.date,
                version: record.securityTestAct.version,
              })
            : t('card.none')}
        </Row>
        <Row term={t('card.integrations')}>
          {record.integrations?.length ? (
            <ul className={classes.plainList}>
              {record.integrations.map(integration => (
                <li key={`${integration.system}-${integration.via}`}>
                  <EntityRefLink
                    entityRef={parseEntityRef(integration.system, {
                      defaultKind: 'system',
                      defaultNamespace: entity.metadata.namespace ?? 'default',
                    })}
                    defaultKind="system"
                  />{' '}
                  ({t(`integrationChannel.${integration.via}`)})
                </li>
              ))}
            </ul>
          ) : (
            t('card.none')
          )}
        </Row>
        <Row term={t('card.usedBy')}>
          <UsedBy entity={entity} />
        </Row>
        {record.socProvider && (
          <Row term={t('card.socProvider')}>{record.socProvider}</Row>
        )}
        <Row term={t('card.scorecard')}>
          <Link to={`${entityPage}/${SCORECARD_TAB}`}>
            {t('card.scorecardLink')}
          </Link>
        </Row>
      </Box>
    </EntityInfoCard>
  );
}
