import { useTranslationRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import type {
  Condition,
  ConditionStatus,
  Decision,
  Deadline,
} from '@qaztech/plugin-moratorium-common';
import { formatDate } from '@qaztech/plugin-registry-common';
import { moratoriumTranslationRef } from '../../translations';
import {
  DefinitionList,
  OverdueChip,
  Row,
  daysPastDate,
  isPastDate,
} from '../shared';

const STATUS_COLORS: Record<ConditionStatus, string> = {
  open: '#1565c0',
  met: '#2e7d32',
  missed: '#c62828',
};

function ConditionDue(props: { condition: Condition; deadline?: Deadline }) {
  const { t } = useTranslationRef(moratoriumTranslationRef);
  const { condition, deadline } = props;
  const overdue =
    condition.status === 'open' &&
    (deadline?.overdue || isPastDate(condition.dueDate));
  return (
    <Box display="flex" alignItems="center" gridGap={8} flexWrap="wrap">
      <span>{formatDate(condition.dueDate)}</span>
      {overdue && (
        <>
          <OverdueChip />
          <Typography
            variant="body2"
            component="span"
            style={{ color: '#c62828', fontWeight: 500 }}
          >
            {t('deadline.overdueBy', {
              count: Math.max(1, daysPastDate(condition.dueDate)),
            })}
          </Typography>
        </>
      )}
    </Box>
  );
}

/**
 * The commission's decision: outcome, protocol, validity, reasons, and its
 * conditions tracked to met or missed, each with its due date.
 */
export function DecisionSection(props: {
  decision?: Decision;
  deadlines: Deadline[];
  canMarkConditions: boolean;
  onMarkCondition: (conditionId: string) => void;
}) {
  const { t } = useTranslationRef(moratoriumTranslationRef);
  const { decision } = props;
  if (!decision) {
    return <Typography variant="body2">{t('request.noDecision')}</Typography>;
  }
  return (
    <Box display="flex" flexDirection="column" gridGap={16}>
      <DefinitionList>
        <Row term={t('dialog.outcome')}>{t(`outcome.${decision.outcome}`)}</Row>
        <Row term={t('dialog.protocolNumber')}>
          {t('request.protocol', {
            number: decision.protocolNumber,
            date: formatDate(decision.sittingDate),
          })}
        </Row>
        {decision.expiresAt && (
          <Row term={t('request.expiresAt')}>
            {formatDate(decision.expiresAt)}
          </Row>
        )}
        {decision.reasons && (
          <Row term={t('request.reasons')}>{decision.reasons}</Row>
        )}
      </DefinitionList>
      {decision.conditions.length > 0 && (
        <Table size="small" aria-label={t('request.conditions')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('request.conditions')}</TableCell>
              <TableCell>{t('request.conditionDue')}</TableCell>
              <TableCell>{t('request.conditionStatus')}</TableCell>
              <TableCell>{t('request.evidence')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {decision.conditions.map(condition => (
              <TableRow key={condition.id}>
                <TableCell>{condition.text}</TableCell>
                <TableCell>
                  <ConditionDue
                    condition={condition}
                    deadline={props.deadlines.find(
                      d => d.subject === `condition:${condition.id}`,
                    )}
                  />
                </TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    label={t(`conditionStatus.${condition.status}`)}
                    style={{
                      backgroundColor: STATUS_COLORS[condition.status],
                      color: '#fff',
                    }}
                  />
                </TableCell>
                <TableCell style={{ whiteSpace: 'pre-wrap' }}>
                  {condition.evidence ?? ''}
                </TableCell>
                <TableCell>
                  {props.canMarkConditions && condition.status === 'open' && (
                    <Button
                      size="small"
                      variant="outlined"
                      aria-label={`${t('action.mark-condition')}: ${
                        condition.text
                      }`}
                      onClick={() => props.onMarkCondition(condition.id)}
                    >
                      {t('action.mark-condition')}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}
