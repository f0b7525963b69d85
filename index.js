// n8n loads the node and the credential through the "n8n" block of package.json.
module.exports = {};
