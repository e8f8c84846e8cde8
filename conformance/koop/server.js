// Koop with an inline token plugin: the real GeoServices server the token service is tested against.
// Usage: KOOP_USER=.. KOOP_PASSWORD=.. node server.js [port]   (port 0 or none: any free port; the URL is printed)
// Inline plugin because @koopjs/auth-direct-file 3.0.0 crashes on a `token` parameter (test-peers.md §5).
process.env.GEOSERVICES_HTTP ??= 'true'; // else /rest/info advertises an https token URL
process.env.SUPPRESS_NO_CONFIG_WARNING ??= '1';
const Koop = require('@koopjs/koop-core');
const fileGeoJson = require('@koopjs/provider-file-geojson');
const { randomUUID } = require('crypto');

const tokens = new Map(); // token -> expiry (epoch ms)
let generateTokenCalls = 0;
const fail = (code, message) => Object.assign(new Error(message), { code });
const param = (req, name) => req.query[name] ?? req.body?.[name];
const bearer = (header) => header?.replace(/^Bearer /, '');

const auth = {
  type: 'auth', name: 'inline-token', version: '1.0.0',
  async authenticate(req) {
    generateTokenCalls++;
    if (param(req, 'username') !== process.env.KOOP_USER || param(req, 'password') !== process.env.KOOP_PASSWORD) {
      throw fail(401, 'Invalid username or password.');
    }
    const token = randomUUID();
    const expires = Date.now() + (Number(param(req, 'expiration')) || 60) * 60_000;
    tokens.set(token, expires);
    return { token, expires, ssl: false };
  },
  async authorize(req) {
    const token = param(req, 'token') ?? bearer(req.headers['x-esri-authorization']) ?? bearer(req.headers.authorization);
    if (!token) throw fail(499, 'Token Required');
    if (!(tokens.get(token) > Date.now())) throw fail(498, 'Invalid token.');
  },
};

const koop = new Koop({ logLevel: process.env.LOG_LEVEL || 'warn' });
koop.register(auth); // before the provider, which takes the auth module in use when it registers
koop.register(fileGeoJson, { dataDir: 'data' });
// Test hooks: invalidate every token as a server restart would, and count token requests.
koop.server.post('/__test/revoke', (req, res) => { tokens.clear(); res.json({ revoked: true }); });
koop.server.get('/__test/stats', (req, res) => res.json({ generateTokenCalls }));

const server = koop.server.listen(Number(process.argv[2] ?? process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(`KOOP LISTENING http://127.0.0.1:${server.address().port}`);
});
