import { makeStyles } from '@material-ui/core';

const useStyles = makeStyles({
  svg: {
    width: 'auto',
    height: 28,
  },
});

/** QazTech's mark: a golden "Q" on the sky blue of the national flag. */
export const LogoMark = ({ className }: { className?: string }) => (
  <svg
    className={className}
    xmlns="http://www.w3.org/2000/svg"
    viewBox="0 0 64 64"
    role="img"
    aria-hidden="true"
  >
    <rect width="64" height="64" rx="14" fill="#00A3C4" />
    <circle
      cx="30"
      cy="29"
      r="15"
      fill="none"
      stroke="#FEC50C"
      strokeWidth="7"
    />
    <path
      d="M37 37 L49 50"
      stroke="#FEC50C"
      strokeWidth="7"
      strokeLinecap="round"
    />
  </svg>
);

/** The collapsed sidebar's logo. */
export const LogoIcon = () => {
  const classes = useStyles();
  return <LogoMark className={classes.svg} />;
};
