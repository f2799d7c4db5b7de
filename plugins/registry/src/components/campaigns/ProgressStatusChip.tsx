import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Chip from '@material-ui/core/Chip';
import type { ProgressStatus } from '@qaztech/plugin-registry-common';
import { registryTranslationRef } from '../../translations';
import { PROGRESS_STATUS_COLORS } from './progressStatusColors';

/** Where a system, body or campaign stands, as a coloured chip. */
export function ProgressStatusChip(props: { status: ProgressStatus }) {
  const { t } = useTranslationRef(registryTranslationRef);
  const colors = PROGRESS_STATUS_COLORS[props.status];
  return (
    <Chip
      size="small"
      label={t(`progressStatus.${props.status}`)}
      style={{ backgroundColor: colors.background, color: colors.text }}
    />
  );
}
