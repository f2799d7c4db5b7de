import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { CheckReason } from '@qaztech/plugin-security-readiness-common';
import {
  DATA_CATEGORIES,
  HOSTING_KINDS,
  formatDate,
} from '@qaztech/plugin-registry-common';
import { useCallback } from 'react';
import { securityReadinessTranslationRef } from '../../translations';

type Values = Record<string, string>;

const RECORD_FIELDS: Record<string, string> = {
  registryNumber: 'registryNumber',
  legalBasis: 'legalBasis',
  'parties.owner.bin': 'ownerBin',
  'parties.operator.bin': 'operatorBin',
  'parties.developer.bin': 'developerBin',
};

const splitList = (value: string | number | undefined) =>
  String(value ?? '')
    .split(',')
    .map(item => item.trim())
    .filter(Boolean);

/**
 * Turns a check's reason (a code with values) into a sentence in the
 * reader's language: dates shown as Almaty days, register codes (hosting
 * kinds, data categories, record fields) translated, attestation results
 * spelled out.
 */
export function useReasonText(): (reason: CheckReason) => string {
  const { t } = useTranslationRef(securityReadinessTranslationRef);
  return useCallback(
    (reason: CheckReason) => {
      const raw = reason.values ?? {};
      const values: Values = Object.fromEntries(
        Object.entries(raw).map(([key, value]) => [key, String(value)]),
      );
      for (const key of ['expiresAt', 'observedAt', 'attestedAt', 'date']) {
        if (raw[key] !== undefined) {
          values[key] = formatDate(String(raw[key]));
        }
      }
      switch (reason.code) {
        case 'attested': {
          const result = values.result;
          values.result =
            result === 'pass' || result === 'fail'
              ? t(`reasonValue.${result}`)
              : t('reasonValue.score', { score: result });
          break;
        }
        case 'record-incomplete':
          values.missing = splitList(raw.missing)
            .map(field =>
              RECORD_FIELDS[field]
                ? t(
                    `recordField.${
                      RECORD_FIELDS[field] as
                        | 'registryNumber'
                        | 'legalBasis'
                        | 'ownerBin'
                        | 'operatorBin'
                        | 'developerBin'
                    }`,
                  )
                : field,
            )
            .join(', ');
          break;
        case 'hosting-needs-attestation': {
          const kind = values.kind as (typeof HOSTING_KINDS)[number];
          if (HOSTING_KINDS.includes(kind)) {
            values.kind = t(`hostingKind.${kind}`);
          }
          break;
        }
        case 'hosting-outside-kazakhstan':
          if (!raw.country || raw.country === 'unknown') {
            values.country = t('reasonValue.unknownCountry');
          }
          break;
        case 'data-categories-declared':
        case 'personal-data-needs-attestation':
          values.categories = splitList(raw.categories)
            .map(c =>
              DATA_CATEGORIES.includes(c as (typeof DATA_CATEGORIES)[number])
                ? t(`dataCategory.${c as (typeof DATA_CATEGORIES)[number]}`)
                : c,
            )
            .join(', ');
          break;
        case 'openssf-checks':
          if (raw.checks === 'aggregate') {
            values.checks = t('reasonValue.aggregate');
          }
          break;
        case 'fields-true':
          if (!raw.failed) {
            values.failed = t('reasonValue.allFieldsTrue');
          }
          break;
        default:
          break;
      }
      // The values differ by code; each message uses only its own.
      const translate = t as unknown as (
        key: string,
        options: Values,
      ) => string;
      return translate(`reason.${reason.code}`, values);
    },
    [t],
  );
}
