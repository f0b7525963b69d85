/** Kept equal to package.json's version by a test (the node may not read files at run time). */
export const PACKAGE_VERSION = '0.1.0';

export const USER_AGENT = `n8n-nodes-oneall/${PACKAGE_VERSION} (+https://github.com/n8n-nodes-oneall/n8n-nodes-oneall)`;
