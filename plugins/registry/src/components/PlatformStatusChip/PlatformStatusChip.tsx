import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Chip from '@material-ui/core/Chip';
import {
  MORATORIUM_STATUSES,
  MoratoriumStatusKind,
} from '@qaztech/plugin-registry-common';
import { registryTranslationRef } from '../../translations';
import { PLATFORM_STATUS_COLORS } from './platformStatusColors';

/** Whether a label value is one of the known platform statuses. */
export function isPlatformStatus(
  value: unknown,
): value is MoratoriumStatusKind {
  return (MORATORIUM_STATUSES as readonly unknown[]).includes(value);
}

/** A system's platform status as a coloured chip; grey when not evaluated. */
export function PlatformStatusChip(props: { status?: string }) {
  const { t } = useTranslationRef(registryTranslationRef);
  const { status } = props;
  if (!isPlatformStatus(status)) {
    return <Chip size="small" label={t('platformStatus.unknown')} />;
  }
  const colors = PLATFORM_STATUS_COLORS[status];
  return (
    <Chip
      size="small"
      label={t(`platformStatus.${status}`)}
      style={{ backgroundColor: colors.background, color: colors.text }}
    />
  );
}
