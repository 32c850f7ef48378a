// The official Gremlin JavaScript driver (npm "gremlin", pinned in package.json) against a running
// GraphOLAP server. GremlinServerApiTest runs it with node after `npm ci` and checks what it prints:
// one JSON object with the answers, per serializer, of a has/values lookup, a count, a project, a
// script with a binding, and the error of a connection with bad credentials.
//
// Environment: GREMLIN_URL (ws://host:port/gremlin), GREMLIN_SOURCE (instance_<id>), GREMLIN_USER,
// GREMLIN_PASSWORD, GREMLIN_NAME (a customer name to look up).
import gremlin from 'gremlin';

const { DriverRemoteConnection, Client } = gremlin.driver;
const { PlainTextSaslAuthenticator } = gremlin.driver.auth;
const { traversal } = gremlin.process.AnonymousTraversalSource;

const url = process.env.GREMLIN_URL;
const source = process.env.GREMLIN_SOURCE;
const name = process.env.GREMLIN_NAME;
const authenticator = new PlainTextSaslAuthenticator(process.env.GREMLIN_USER, process.env.GREMLIN_PASSWORD);
const formats = {
  graphson3: 'application/vnd.gremlin-v3.0+json',
  graphbinary: 'application/vnd.graphbinary-v1.0',
};

const plain = (value) => (value instanceof Map ? Object.fromEntries(value) : value);
const out = {};
for (const [format, mimeType] of Object.entries(formats)) {
  const connection = new DriverRemoteConnection(url, { traversalSource: source, authenticator, mimeType });
  try {
    const g = traversal().withRemote(connection);
    out[format] = {
      countries: await g.V().hasLabel('Customer').has('name', name).values('country').toList(),
      merchants: (await g.V().hasLabel('Merchant').count().next()).value,
      project: plain((await g.V().hasLabel('Customer').has('name', name).limit(1)
        .project('name', 'country').by('name').by('country').next()).value),
    };
  } finally {
    await connection.close();
  }
}

const client = new Client(url, { traversalSource: source, authenticator, mimeType: formats.graphbinary });
try {
  out.script = (await client.submit('g.V().hasLabel(l).count()', { l: 'Merchant' })).first();
} finally {
  await client.close();
}

const intruder = new DriverRemoteConnection(url, {
  traversalSource: source,
  authenticator: new PlainTextSaslAuthenticator(process.env.GREMLIN_USER, 'not-the-password'),
});
try {
  await traversal().withRemote(intruder).V().count().next();
  out.badCredentials = { statusCode: 0, message: 'the query was answered' };
} catch (e) {
  out.badCredentials = { statusCode: e.statusCode ?? -1, message: String(e.message) };
} finally {
  await intruder.close();
}

process.stdout.write(JSON.stringify(out) + '\n');
