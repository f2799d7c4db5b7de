import { useEffect, useState } from 'react';
import {
  appLanguageApiRef,
  configApiRef,
  discoveryApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import { SignInPageProps } from '@backstage/plugin-app-react';
import { Progress, SignInPage } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import useObservable from 'react-use/esm/useObservable';
import { qaztechAppTranslationRef } from '../../translations';
import { DEMO_USER_STORAGE_KEY, DemoIdentity } from './DemoIdentity';
import { oidcAuthApiRef } from './oidcAuthApi';

const LANGUAGE_NAMES: Record<string, string> = {
  ru: 'Русский',
  kk: 'Қазақша',
  en: 'English',
};

interface DemoUser {
  name: string;
  displayName?: string;
  role?: string;
}

function readDemoUsers(config: typeof configApiRef.T) {
  return config
    .getOptionalConfigArray('qaztech.signIn.demoUsers')
    ?.map<DemoUser>(user => ({
      name: user.getString('name'),
      displayName: user.getOptionalString('displayName'),
      role: user.getOptionalString('role'),
    }));
}

function LanguagePicker() {
  const languageApi = useApi(appLanguageApiRef);
  const { t } = useTranslationRef(qaztechAppTranslationRef);
  const { language } = useObservable(
    languageApi.language$(),
    languageApi.getLanguage(),
  );
  const { languages } = languageApi.getAvailableLanguages();
  return (
    <TextField
      select
      id="qaztech-language"
      size="small"
      variant="outlined"
      label={t('signIn.language')}
      value={language}
      onChange={e => languageApi.setLanguage(e.target.value as string)}
    >
      {languages.map(lang => (
        <MenuItem key={lang} value={lang}>
          {LANGUAGE_NAMES[lang] ?? lang}
        </MenuItem>
      ))}
    </TextField>
  );
}

/**
 * The sign-in page. In development it offers demo sign-in as any catalog
 * user (one per role listed in `qaztech.signIn.demoUsers`); without that
 * config it offers the government identity provider (OIDC) only.
 */
export function QazTechSignInPage(props: SignInPageProps) {
  const config = useApi(configApiRef);
  const demoUsers = readDemoUsers(config);
  if (!demoUsers) {
    return (
      <SignInPage
        {...props}
        auto
        provider={{
          id: 'oidc-auth-provider',
          title: 'OIDC',
          message: 'OIDC',
          apiRef: oidcAuthApiRef,
        }}
      />
    );
  }
  return <DemoSignIn {...props} demoUsers={demoUsers} />;
}

function DemoSignIn({
  onSignInSuccess,
  demoUsers,
}: SignInPageProps & { demoUsers: DemoUser[] }) {
  const discoveryApi = useApi(discoveryApiRef);
  const { t } = useTranslationRef(qaztechAppTranslationRef);
  const [busy, setBusy] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [otherUser, setOtherUser] = useState('');
  const [restoring, setRestoring] = useState(
    () => !!localStorage.getItem(DEMO_USER_STORAGE_KEY),
  );

  const signIn = async (userName: string) => {
    setBusy(userName);
    setError(undefined);
    try {
      onSignInSuccess(await DemoIdentity.signIn({ discoveryApi, userName }));
    } catch (e) {
      setError(
        t('signIn.failed', {
          user: userName,
          error: e instanceof Error ? e.message : String(e),
        }),
      );
      setBusy(undefined);
    }
  };

  // A reload keeps the person signed in as whoever they chose before.
  useEffect(() => {
    const stored = localStorage.getItem(DEMO_USER_STORAGE_KEY);
    if (!stored) return;
    DemoIdentity.signIn({ discoveryApi, userName: stored })
      .then(onSignInSuccess)
      .catch(() => {
        localStorage.removeItem(DEMO_USER_STORAGE_KEY);
        setRestoring(false);
      });
  }, [discoveryApi, onSignInSuccess]);

  if (restoring) {
    return <Progress />;
  }

  return (
    <Box component="main" maxWidth={1100} mx="auto" p={4}>
      <Box
        display="flex"
        justifyContent="space-between"
        alignItems="flex-start"
        mb={3}
      >
        <Box>
          <Typography variant="h3" component="h1">
            {t('signIn.title')}
          </Typography>
          <Typography variant="subtitle1" color="textSecondary">
            {t('signIn.subtitle')}
          </Typography>
        </Box>
        <LanguagePicker />
      </Box>
      <Typography variant="h5" component="h2" gutterBottom>
        {t('signIn.demoTitle')}
      </Typography>
      <Typography variant="body1" paragraph>
        {t('signIn.demoDescription')}
      </Typography>
      {error && (
        <Box mb={2}>
          <Typography role="alert" color="error">
            {error}
          </Typography>
        </Box>
      )}
      <Grid
        container
        spacing={2}
        component="ul"
        style={{ listStyle: 'none', padding: 0 }}
      >
        {demoUsers.map(user => (
          <Grid item xs={12} sm={6} md={4} key={user.name} component="li">
            <Card variant="outlined">
              <CardContent>
                <Typography variant="h6" component="p">
                  {user.displayName ?? user.name}
                </Typography>
                <Typography variant="body2" color="textSecondary">
                  {user.role
                    ? t(`roles.${user.role}` as 'roles.developer', {})
                    : user.name}
                </Typography>
                <Box mt={1}>
                  <Button
                    variant="contained"
                    color="primary"
                    disabled={!!busy}
                    aria-label={`${t('signIn.signInAs')}: ${
                      user.displayName ?? user.name
                    }`}
                    onClick={() => signIn(user.name)}
                  >
                    {busy === user.name
                      ? t('signIn.signingIn')
                      : t('signIn.signInAs')}
                  </Button>
                </Box>
              </CardContent>
            </Card>
          </Grid>
        ))}
      </Grid>
      <Box
        component="form"
        mt={3}
        display="flex"
        alignItems="center"
        onSubmit={(e: React.FormEvent) => {
          e.preventDefault();
          if (otherUser.trim()) signIn(otherUser.trim());
        }}
      >
        <TextField
          id="qaztech-demo-user"
          label={t('signIn.userNameLabel')}
          value={otherUser}
          onChange={e => setOtherUser(e.target.value)}
          variant="outlined"
          size="small"
          style={{ minWidth: 360 }}
        />
        <Box ml={1}>
          <Button
            type="submit"
            variant="outlined"
            disabled={!!busy || !otherUser.trim()}
          >
            {t('signIn.signInAs')}
          </Button>
        </Box>
      </Box>
    </Box>
  );
}
