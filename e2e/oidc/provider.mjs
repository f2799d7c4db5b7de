// A real OpenID Connect provider on loopback for the production browser tests
// (e2e/prod): the certified `oidc-provider` package, with the demo people of
// examples/org/people.yaml as its accounts and their groups as a claim.
//
//   node e2e/oidc/provider.mjs
//
// Environment: OIDC_PORT (7490), OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and
// OIDC_REDIRECT_URIS (space-separated; the backend's
// <APP_BASE_URL>/api/auth/oidc/handler/frame). Prints "oidc provider ready"
// when it listens.
//
// Accounts: every catalog User signs in with their user name or e-mail and
// the password `demo`. Claims: sub, name, preferred_username, email,
// email_verified and groups (memberOf). Two accounts test the edges:
// - timur.zhunusov's provider releases no e-mail, only preferred_username
//   (as a Keycloak realm without the email scope would);
// - `stranger` is a person the provider knows and the catalog does not.
import { createServer } from 'node:http';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import Provider from 'oidc-provider';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PORT = Number(process.env.OIDC_PORT ?? 7490);
const ISSUER = `http://127.0.0.1:${PORT}`;
const PASSWORD = 'demo';
const WITHOUT_EMAIL = new Set(['timur.zhunusov']);

/** login (user name or e-mail) -> claims */
const accounts = new Map();
for (const doc of parseAllDocuments(
  readFileSync(resolve(ROOT, 'examples/org/people.yaml'), 'utf8'),
)) {
  const user = doc.toJS();
  if (user?.kind !== 'User') continue;
  const name = user.metadata.name;
  const claims = {
    sub: name,
    name: user.spec.profile?.displayName ?? name,
    preferred_username: name,
    groups: user.spec.memberOf ?? [],
  };
  if (user.spec.profile?.email && !WITHOUT_EMAIL.has(name)) {
    claims.email = user.spec.profile.email;
    claims.email_verified = true;
  }
  accounts.set(name, claims);
  if (claims.email) accounts.set(claims.email, claims);
}
accounts.set('stranger', {
  sub: 'stranger',
  name: 'Посторонний Человек',
  preferred_username: 'stranger',
  email: 'stranger@example.org',
  email_verified: true,
  groups: ['qaztech-admins'],
});
const bySub = new Map([...accounts.values()].map(c => [c.sub, c]));

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = {
  ...privateKey.export({ format: 'jwk' }),
  use: 'sig',
  alg: 'RS256',
  kid: 'e2e',
};

const provider = new Provider(ISSUER, {
  clients: [
    {
      client_id: process.env.OIDC_CLIENT_ID ?? 'qaztech',
      client_secret: process.env.OIDC_CLIENT_SECRET ?? 'qaztech-e2e-secret',
      redirect_uris: (
        process.env.OIDC_REDIRECT_URIS ??
        'http://localhost:7007/api/auth/oidc/handler/frame'
      ).split(/\s+/),
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  jwks: { keys: [jwk] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  scopes: ['openid', 'offline_access', 'profile', 'email'],
  claims: {
    openid: ['sub'],
    profile: ['name', 'preferred_username', 'groups'],
    email: ['email', 'email_verified'],
  },
  features: { devInteractions: { enabled: false } },
  pkce: { required: () => false },
  interactions: {
    url: (_ctx, interaction) => `/interaction/${interaction.uid}`,
  },
  async findAccount(_ctx, sub) {
    const claims = bySub.get(sub);
    return claims && { accountId: sub, claims: async () => claims };
  },
  // A first-party client: the person is not asked to consent.
  async loadExistingGrant(ctx) {
    const grantId =
      ctx.oidc.result?.consent?.grantId ??
      ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) {
      const existing = await ctx.oidc.provider.Grant.find(grantId);
      if (existing) return existing;
    }
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid offline_access profile email');
    await grant.save();
    return grant;
  },
  async issueRefreshToken(_ctx, client) {
    return client.grantTypeAllowed('refresh_token');
  },
  ttl: { AccessToken: 3600, IdToken: 3600, Session: 86400, Interaction: 3600 },
});

const escape = s =>
  String(s).replace(
    /[&<>"]/g,
    c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]),
  );

function loginPage(uid, error) {
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Единый вход — тестовый провайдер</title></head>
<body><main><h1>Единый вход</h1><p>Тестовый провайдер OpenID Connect (oidc-provider)</p>
${error ? `<p role="alert">${escape(error)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}/login">
<label>Логин <input name="login" autocomplete="username" autofocus></label>
<label>Пароль <input name="password" type="password" autocomplete="current-password"></label>
<button type="submit">Продолжить</button></form></main></body></html>`;
}

async function readForm(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

const server = createServer(async (req, res) => {
  const match = /^\/interaction\/([^/?]+)(\/login)?/.exec(req.url ?? '');
  if (!match) {
    provider.callback()(req, res);
    return;
  }
  try {
    const details = await provider.interactionDetails(req, res);
    if (req.method === 'POST' && match[2]) {
      const form = await readForm(req);
      const claims = accounts.get((form.get('login') ?? '').trim());
      if (!claims || form.get('password') !== PASSWORD) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(loginPage(details.uid, 'Неверный логин или пароль'));
        return;
      }
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: claims.sub } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    if (details.prompt.name === 'consent') {
      // loadExistingGrant grants everything; this is not reached.
      const grant = new provider.Grant({
        clientId: details.params.client_id,
        accountId: details.session.accountId,
      });
      grant.addOIDCScope('openid offline_access profile email');
      const grantId = await grant.save();
      await provider.interactionFinished(
        req,
        res,
        { consent: { grantId } },
        { mergeWithLastSubmission: true },
      );
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(loginPage(details.uid));
  } catch (error) {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(String(error?.message ?? error));
  }
});

server.listen(PORT, '127.0.0.1', () => {
  console.log(`oidc provider ready at ${ISSUER} (${bySub.size} accounts)`);
});
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
