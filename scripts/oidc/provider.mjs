// The OpenID provider the OAuth2 tests sign in at: oidc-provider (a certified
// implementation) on 127.0.0.1, started by scripts/test.d/50-oauth.sh.
//
//   node provider.mjs PORT INTROSPECTION_SECRET
//
// Clients:
//   bowout-test   a public native client (PKCE, loopback redirect on any port), the way bowout
//                 registers at Google or Microsoft; access tokens live an hour
//   bowout-short  the same, but its access tokens live 4 seconds, for the refresh tests
//   dovecot       a confidential client that may only introspect tokens (RFC 7662): the mail
//                 servers check the tokens they are given with it
// Anyone may sign in with any login that looks like an email address (the development
// login form); the token's `email` is that login. Refresh tokens are issued for
// `offline_access` and rotated on every use, as at Microsoft.
import Provider from 'oidc-provider';

const [port, introspectionSecret] = process.argv.slice(2);
if (!port || !introspectionSecret) {
  console.error('usage: node provider.mjs PORT INTROSPECTION_SECRET');
  process.exit(2);
}
const issuer = `http://127.0.0.1:${port}`;
const publicClient = (clientId) => ({
  client_id: clientId,
  application_type: 'native',
  token_endpoint_auth_method: 'none',
  grant_types: ['authorization_code', 'refresh_token'],
  response_types: ['code'],
  redirect_uris: ['http://127.0.0.1/', 'http://localhost/'],
});

const provider = new Provider(issuer, {
  clients: [
    publicClient('bowout-test'),
    publicClient('bowout-short'),
    {
      client_id: 'dovecot',
      client_secret: introspectionSecret,
      grant_types: [],
      response_types: [],
      redirect_uris: [],
    },
  ],
  scopes: ['openid', 'offline_access', 'email', 'mail'],
  claims: { openid: ['sub'], email: ['email', 'email_verified'] },
  conformIdTokenClaims: false,
  async findAccount(_ctx, id) {
    return {
      accountId: id,
      async claims() {
        return { sub: id, email: id, email_verified: true };
      },
    };
  },
  // What the introspection answer carries besides `sub`: the mail servers log the user in by it.
  async extraTokenClaims(_ctx, token) {
    return token.accountId ? { email: token.accountId } : undefined;
  },
  features: {
    devInteractions: { enabled: true },
    introspection: {
      enabled: true,
      async allowedPolicy(_ctx, client) {
        return client.clientId === 'dovecot';
      },
    },
    revocation: { enabled: true },
  },
  ttl: {
    AccessToken(_ctx, _token, client) {
      return client?.clientId === 'bowout-short' ? 4 : 3600;
    },
  },
  cookies: { keys: [introspectionSecret] },
});
provider.proxy = false;
const server = provider.listen(Number(port), '127.0.0.1', () => {
  console.log(`oidc-provider ${issuer}`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
