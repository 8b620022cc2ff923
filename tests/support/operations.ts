// One sample call for every root field of the schema, used by the authorization-matrix test and
// the two-organization test. A root field without an entry here fails both tests: a new field
// must say how it is called.

/** The records a sample call points at: another organization's in the tenancy test, nothing's in the matrix test. */
export interface Targets {
  userId: string;
  apiKeyId: string;
  externalId: string;
}

export interface Operation {
  document: string;
  variables?: (targets: Targets) => Record<string, unknown>;
}

/** A Relay global id, as the API encodes it. */
export const gid = (typename: string, id: string) => Buffer.from(`${typename}:${id}`).toString('base64');

/** Targets that exist nowhere. */
export const NOWHERE: Targets = {
  userId: 'nowhere-user',
  apiKeyId: 'nowhere-key',
  externalId: 'nowhere-customer',
};

const RESULT = '__typename ... on Error { message }';

export const OPERATIONS: Record<string, Operation> = {
  'Query.node': {
    document: 'query ($id: ID!) { node(id: $id) { __typename id } }',
    variables: (t) => ({ id: gid('User', t.userId) }),
  },
  'Query.me': { document: '{ me { id email } }' },
  'Query.users': { document: '{ users { id email } }' },
  'Query.organization': { document: '{ organization { id name settings { defaultCurrency } } }' },
  'Query.apiKeys': { document: '{ apiKeys { id name prefix } }' },

  'Mutation.login': {
    document: `mutation { login(input: { email: "nobody@nowhere.example", password: "wrong" }) { ${RESULT} } }`,
  },
  'Mutation.logout': { document: 'mutation { logout }' },
  'Mutation.updateMe': { document: `mutation { updateMe(input: {}) { ${RESULT} } }` },
  'Mutation.createUser': {
    document: `mutation { createUser(input: { email: "not-an-email", name: "", role: VIEWER }) { ${RESULT} } }`,
  },
  'Mutation.updateUser': {
    document: `mutation ($id: ID!) { updateUser(input: { id: $id, name: "Renamed" }) { ${RESULT} } }`,
    variables: (t) => ({ id: gid('User', t.userId) }),
  },
  'Mutation.deactivateUser': {
    document: `mutation ($id: ID!) { deactivateUser(id: $id) { ${RESULT} } }`,
    variables: (t) => ({ id: gid('User', t.userId) }),
  },
  'Mutation.updateOrganizationSettings': {
    document: `mutation { updateOrganizationSettings(settings: { contactCap: { max: -1 } }) { ${RESULT} } }`,
  },
  'Mutation.createApiKey': {
    document: `mutation { createApiKey(input: { name: "", scopes: [] }) { ${RESULT} } }`,
  },
  'Mutation.revokeApiKey': {
    document: `mutation ($id: ID!) { revokeApiKey(id: $id) { ${RESULT} } }`,
    variables: (t) => ({ id: gid('ApiKey', t.apiKeyId) }),
  },
};
