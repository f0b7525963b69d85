'use strict';
// OneAll API emulator: public entry point. See README.md.

const { startEmulator } = require('./server.cjs');
const { FIXTURES, DEFAULT_SITE, OTHER_SITE, EMPTY_SITE, ACCESS_TOKEN_MARKER, networkUsers } = require('./fixtures.cjs');
const { ANSWER_PROFILES } = require('./profiles.cjs');
const { PUSH_SCHEMAS, WRITE_SCHEMAS } = require('./schemas.cjs');
const { FAULT_TYPES } = require('./faults.cjs');
const { emulatorFile } = require('./sharing.cjs');
const { LOUDVOICE_COMMENTS } = require('./loudvoice.cjs');

module.exports = {
  startEmulator,
  DEFAULT_SITE,
  OTHER_SITE,
  EMPTY_SITE,
  ANSWER_PROFILES,
  FIXTURES,
  ACCESS_TOKEN_MARKER,
  PUSH_SCHEMAS,
  WRITE_SCHEMAS,
  FAULT_TYPES: [...FAULT_TYPES],
  emulatorFile,
  networkUsers,
  LOUDVOICE_COMMENTS,
};
