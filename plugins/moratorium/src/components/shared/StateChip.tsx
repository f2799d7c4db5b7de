import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Chip from '@material-ui/core/Chip';
import type { RequestState } from '@qaztech/plugin-moratorium-common';
import { moratoriumTranslationRef } from '../../translations';

const COLORS: Record<RequestState, string> = {
  draft: '#757575',
  submitted: '#1565c0',
  'platform-review': '#1565c0',
  'ministry-review': '#1565c0',
  'info-requested': '#ef6c00',
  'on-agenda': '#6a1b9a',
  approved: '#2e7d32',
  'approved-with-conditions': '#558b2f',
  rejected: '#c62828',
  deferred: '#ef6c00',
  withdrawn: '#757575',
  expired: '#757575',
  revoked: '#c62828',
};

/** A request's state as a coloured chip with its translated name. */
export function StateChip(props: { state: RequestState }) {
  const { t } = useTranslationRef(moratoriumTranslationRef);
  return (
    <Chip
      size="small"
      label={t(`state.${props.state}`)}
      style={{ backgroundColor: COLORS[props.state], color: '#fff' }}
    />
  );
}
