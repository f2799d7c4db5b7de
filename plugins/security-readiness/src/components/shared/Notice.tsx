import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';

const COLORS = {
  error: { border: '#c62828', background: '#fdecea' },
  warning: { border: '#ef6c00', background: '#fff4e5' },
  info: { border: '#1565c0', background: '#e8f0fe' },
  success: { border: '#2e7d32', background: '#edf7ed' },
};

/**
 * A short message in a coloured box; errors are announced at once
 * (`alert`), the rest politely (`status`).
 */
export function Notice(props: {
  severity: keyof typeof COLORS;
  title?: string;
  action?: ReactNode;
  children?: ReactNode;
}) {
  const colors = COLORS[props.severity];
  return (
    <Box
      role={props.severity === 'error' ? 'alert' : 'status'}
      my={2}
      p={2}
      display="flex"
      alignItems="center"
      gridGap={16}
      borderLeft={`4px solid ${colors.border}`}
      style={{ backgroundColor: colors.background, color: '#1a1a1a' }}
    >
      <Box flexGrow={1}>
        {props.title && (
          <Typography variant="subtitle2" component="p">
            {props.title}
          </Typography>
        )}
        {typeof props.children === 'string' ? (
          <Typography variant="body2">{props.children}</Typography>
        ) : (
          props.children
        )}
      </Box>
      {props.action}
    </Box>
  );
}
