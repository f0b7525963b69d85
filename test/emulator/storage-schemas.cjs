'use strict';
// Request bodies of User Cloud Storage, the Site API and SSO sessions, written from docs/oneall-api.md §8.8
// and OneAll's pages and SDK it cites, NOT from the node's code. Same format as schemas.cjs: certainty 'docs'
// -> strict (unknown keys = 400), 'sdk' -> lenient (unknown keys accepted and listed in the request log).

// The user of a storage write (docs storage/users/create-user, update-user, synchronize-user). `identity` is
// OneAll's identity structure plus customData: its keys are the client's, so it is not descended.
const USER_FIELDS = {
  externalid: { type: 'string|number' },
  login: { type: 'string' },
  password: { type: 'string' },
  identity: { type: 'anyObject' },
};

const STORAGE_SCHEMAS = {
  create: {
    name: 'User Cloud Storage · Create user', root: ['user'], certainty: 'docs',
    source: 'docs resources/storage/users/create-user/; php-api-examples curl/storage_api/create_user.php',
    fields: USER_FIELDS,
  },
  update: {
    name: 'User Cloud Storage · Update user', root: [], certainty: 'docs',
    source: 'docs resources/storage/users/update-user/; php-sdk Storage.php updateUser',
    fields: {
      update_mode: { type: 'enum', values: ['replace', 'append'] },
      user: { type: 'object', required: true, fields: USER_FIELDS },
    },
  },
  lookup: {
    name: 'User Cloud Storage · Look up user', root: ['user'], certainty: 'docs',
    source: 'docs resources/storage/users/lookup-user/ ("at least one of the lookup fields")',
    fields: {
      user_token: { type: 'string' },
      externalid: { type: 'string|number' },
      login: { type: 'string' },
      password: { type: 'string' },
    },
    anyOf: [['user_token', 'externalid', 'login']],
  },
  synchronize: {
    name: 'User Cloud Storage · Synchronize user', root: ['synchronize'], certainty: 'docs',
    source: 'docs resources/storage/users/synchronize-user/',
    fields: {
      identifier: {
        type: 'object', required: true,
        fields: { field: { type: 'enum', values: ['user_token', 'externalid', 'login'], required: true }, value: { type: 'string|number', required: true } },
      },
      user: { type: 'object', required: true, fields: USER_FIELDS },
    },
  },
  allowedDomains: {
    name: 'Site · Allowed domains', root: [], certainty: 'sdk',
    source: 'php-sdk src/Api/Apis/Site.php addAllowedDomains; php-api-examples curl/site_api/allowed_domains/add_allowed_domains.php',
    fields: { allowed_domains: { type: 'string[]', required: true } },
  },
  formLogin: {
    name: 'Site · Record a form login', root: ['connection'], certainty: 'sdk',
    source: 'php-sdk src/Api/Apis/Site.php createConnectionLog (the only source)',
    fields: {
      action: { type: 'enum', values: ['signin', 'signup'], required: true },
      username: { type: 'string' },
      email: { type: 'string' },
    },
  },
  ssoSession: {
    name: 'SSO · Start session for identity', root: ['sso_session'], certainty: 'docs', optionalBody: true,
    source: 'docs resources/sso/identity/start-session/ (the body is optional)',
    fields: {
      top_realm: { type: 'string' },
      sub_realm: { type: 'string' },
      lifetime: { type: 'integer' },
      data: { type: 'string' },
    },
  },
};

module.exports = { STORAGE_SCHEMAS };
