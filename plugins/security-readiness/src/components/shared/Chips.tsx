import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Chip from '@material-ui/core/Chip';
import type {
  CheckStatus,
  ReadinessLevel,
} from '@qaztech/plugin-security-readiness-common';
import { securityReadinessTranslationRef } from '../../translations';
import { LEVEL_COLORS, STATUS_COLORS } from './colors';

/** A readiness level as a coloured chip. */
export function LevelChip(props: { level: ReadinessLevel; size?: 'small' }) {
  const { t } = useTranslationRef(securityReadinessTranslationRef);
  const colors = LEVEL_COLORS[props.level];
  return (
    <Chip
      size={props.size}
      label={t(`level.${props.level}`)}
      style={{ backgroundColor: colors.background, color: colors.text }}
    />
  );
}

/** A check's status as a coloured chip. */
export function StatusChip(props: { status: CheckStatus }) {
  const { t } = useTranslationRef(securityReadinessTranslationRef);
  const colors = STATUS_COLORS[props.status];
  return (
    <Chip
      size="small"
      label={t(`status.${props.status}`)}
      style={{ backgroundColor: colors.background, color: colors.text }}
    />
  );
}
