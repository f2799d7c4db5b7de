import { makeStyles } from '@material-ui/core';
import { LogoMark } from './LogoIcon';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'center',
    gap: 10,
    height: 30,
  },
  mark: {
    height: 30,
    width: 'auto',
  },
  name: {
    color: '#ffffff',
    fontSize: 22,
    fontWeight: 700,
    letterSpacing: 0.5,
    whiteSpace: 'nowrap',
  },
});

/** The open sidebar's logo: the mark and the platform's name. */
export const LogoFull = () => {
  const classes = useStyles();
  return (
    <span className={classes.root}>
      <LogoMark className={classes.mark} />
      <span className={classes.name}>QazTech</span>
    </span>
  );
};
