'use strict';
// Request bodies of the Sharing API (Social Sharing, Short URLs, Sharing Analytics), written from
// docs/oneall-api.md §8.1-§8.3 and §9.1, NOT from the node's code. Same format as schemas.cjs:
// certainty 'docs' -> strict (unknown keys = 400). Types added for these bodies (validate.cjs):
// object[] (array of objects, each checked against `fields`), base64, filename, flag01 (1/0).

const AUDIENCE = {
  publish_for_user: {
    type: 'object',
    fields: { user_token: { type: 'string', required: true }, providers: { type: 'string[]', required: true } },
  },
  publish_for_identity: { type: 'object', fields: { identity_token: { type: 'string', required: true } } },
};

const SHARING_SCHEMAS = {
  publish: {
    name: 'Social Sharing · Publish message', root: ['sharing_message'], certainty: 'docs',
    source: 'docs resources/social-sharing/publish-new-message/; publish_for_identity: re-publish-message page and php-api-examples',
    fields: {
      ...AUDIENCE,
      parts: {
        type: 'object',
        required: true,
        fields: {
          text: { type: 'object', fields: { body: { type: 'string', required: true } } },
          video: { type: 'object', fields: { url: { type: 'url', required: true } } },
          picture: { type: 'object', fields: { url: { type: 'url', required: true } } },
          link: {
            type: 'object',
            fields: {
              url: { type: 'url', required: true },
              name: { type: 'string' },
              caption: { type: 'string' },
              description: { type: 'string' },
            },
          },
          // data = base64 file content [SDK node-js-sdk README; php-api-examples base64_encode(...)]
          uploads: { type: 'object[]', fields: { name: { type: 'filename', required: true }, data: { type: 'base64', required: true } } },
          flags: { type: 'object', fields: { enable_tracking: { type: 'flag01' } } },
        },
      },
    },
    anyOf: [['publish_for_user', 'publish_for_identity']],
    exclusive: [['publish_for_user', 'publish_for_identity']],
  },
  republish: {
    name: 'Social Sharing · Re-publish message', root: ['sharing_message'], certainty: 'docs',
    source: 'docs resources/social-sharing/re-publish-message',
    fields: { ...AUDIENCE },
    anyOf: [['publish_for_user', 'publish_for_identity']],
    exclusive: [['publish_for_user', 'publish_for_identity']],
  },
  shorturl: {
    name: 'Short URL · Create', root: ['shorturl'], certainty: 'docs', source: 'docs resources/shorturls/create-shorturl/',
    fields: { original_url: { type: 'url', required: true } },
  },
  snapshot: {
    name: 'Sharing Analytics · Initiate snapshot', root: ['analytics', 'sharing'], certainty: 'docs',
    source: 'docs resources/sharing-analytics/initiate-snapshot/',
    fields: { sharing_message_token: { type: 'string', required: true }, pingback_uri: { type: 'url' } },
  },
};

// OneAll's picture limit (§9.1): "5 MB", taken as 5 MiB. Applied to uploads named as pictures (OneAll's
// picture types); OneAll documents no limit for other uploads (videos).
const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
const PICTURE_NAME = /\.(jpe?g|bmp|png|gif|tiff?)$/i;

module.exports = { SHARING_SCHEMAS, MAX_UPLOAD_BYTES, PICTURE_NAME };
