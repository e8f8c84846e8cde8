// Gives SuperMap iClient the browser globals it reads at load time (window.fetch, document.location,
// XMLHttpRequest), with the page on the portal's own origin as a same-origin web app would be.
const { JSDOM } = require("jsdom");

const portalUrl = process.env.IPORTAL_URL || "http://127.0.0.1:8190/iportal";
const dom = new JSDOM("<!doctype html><html><body></body></html>", { url: new URL("/app/", portalUrl).href });
globalThis.window = dom.window;
globalThis.document = dom.window.document;
globalThis.navigator = dom.window.navigator;
globalThis.XMLHttpRequest = dom.window.XMLHttpRequest;
globalThis.self = globalThis;
window.fetch = globalThis.fetch.bind(globalThis);
