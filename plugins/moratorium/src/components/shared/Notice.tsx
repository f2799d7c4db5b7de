import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';

const COLORS = {
  error: { border: '#c62828', background: '#fdecea' },
  info: { border: '#1565c0', background: '#e8f0fe' },
  success: { border: '#2e7d32', background: '#edf7ed' },
};

/** A short message in a coloured box that assistive technology announces. */
export function Notice(props: {
  severity: keyof typeof COLORS;
  title?: string;
  children?: ReactNode;
}) {
  const colors = COLORS[props.severity];
  return (
    <Box
      role={props.severity === 'error' ? 'alert' : 'status'}
      my={2}
      p={2}
      borderLeft={`4px solid ${colors.border}`}
      style={{ backgroundColor: colors.background, color: '#1a1a1a' }}
    >
      {props.title && (
        <Typography variant="subtitle2" component="p">
          {props.title}
        </Typography>
      )}
      {props.children}
    </Box>
  );
}
