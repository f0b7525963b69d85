'use strict';
// Scripted OpenAI-compatible chat-completions server for tests. See README.md.
module.exports = require('./server.cjs');
