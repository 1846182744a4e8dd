// puppeteer's browser download cannot reach its host on closed networks and fails `npm ci`.
// keydata finds a browser itself (see src/pdf/browser-finder.ts); set
// KEYDATA_PUPPETEER_DOWNLOAD=1 to let puppeteer fetch its own as the last fallback.
module.exports = { skipDownload: process.env.KEYDATA_PUPPETEER_DOWNLOAD !== '1' };
