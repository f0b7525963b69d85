// Real n8n binary items for tests: stored through n8n-core's BinaryDataService, as a node's
// prepareBinaryData stores them. Plain JS (fs/env behind n8n-core's storage).
'use strict';
const { BinaryDataService } = require('n8n-core');
// n8n-core's own @n8n/di: its services are registered there.
const { Container } = require(require.resolve('@n8n/di', { paths: [require.resolve('n8n-core')] }));

const LOCATION = { type: 'execution', workflowId: 'wf-test', executionId: 'exec-test' };

/**
 * The binary data modes this process can run: 'memory' (n8n's "default": base64 inside the item) until
 * useFilesystemMode() is called, then 'filesystem' (files under N8N_USER_FOLDER, the item holds an id).
 */
let mode = 'memory';

async function useFilesystemMode() {
  await Container.get(BinaryDataService).init();
  mode = 'filesystem';
}

/** An n8n binary value holding `content`, stored in the current mode. */
async function storeBinary(content, { mimeType = 'image/png', fileName = 'picture.png', fileExtension = 'png' } = {}) {
  const binary = await Container.get(BinaryDataService).store(LOCATION, content, { mimeType, fileName, fileExtension });
  return { ...binary, fileExtension };
}

/**
 * Calls `onRead` whenever a node reads a file through n8n's binary helpers (getBinaryDataBuffer ends in
 * BinaryDataService.getAsBuffer in every mode, getBinaryStream in getAsStream). Returns the function that stops watching.
 */
function watchFileReads(onRead) {
  const service = Container.get(BinaryDataService);
  // A file is read whole (getAsBuffer) or as a stream (getAsStream): both count as a read.
  const originals = { getAsBuffer: service.getAsBuffer, getAsStream: service.getAsStream };
  for (const [name, original] of Object.entries(originals)) {
    service[name] = async function (...args) {
      onRead();
      return await original.apply(this, args);
    };
  }
  return () => Object.assign(service, originals);
}

module.exports = { storeBinary, useFilesystemMode, watchFileReads, binaryMode: () => mode };
