import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import type { SimilarSystem } from '@qaztech/plugin-moratorium-common';
import { moratoriumTranslationRef } from '../../translations';
import { useLocalizedTitle } from './useLocalizedTitle';

/** Systems of the register with a similar purpose, each with what matched. */
export function SimilarSystemsList(props: {
  items: SimilarSystem[];
  emptyText?: string;
  /** The applicant's answers: why each system cannot be reused. */
  answers?: Record<string, string>;
}) {
  const { t } = useTranslationRef(moratoriumTranslationRef);
  const localizedTitle = useLocalizedTitle();
  if (props.items.length === 0) {
    return (
      <Typography variant="body2">
        {props.emptyText ?? t('wizard.similarEmpty')}
      </Typography>
    );
  }
  return (
    <List dense aria-label={t('request.similar')}>
      {props.items.map(item => (
        <ListItem key={item.entityRef} disableGutters>
          <ListItemText
            primary={
              <EntityRefLink entityRef={item.entityRef} defaultKind="system">
                {localizedTitle(item.title)}
              </EntityRefLink>
            }
            secondary={
              <>
                {[
                  item.registryNumber,
                  item.matchedTerms.length > 0
                    ? t('wizard.matched', {
                        terms: item.matchedTerms.join(', '),
                      })
                    : undefined,
                ]
                  .filter(Boolean)
                  .join(' · ')}
                {props.answers?.[item.entityRef] && (
                  <>
                    <br />
                    {t('request.reuseAnswer', {
                      reason: props.answers[item.entityRef],
                    })}
                  </>
                )}
              </>
            }
          />
        </ListItem>
      ))}
    </List>
  );
}
