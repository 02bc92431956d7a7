import { scriptHashSource, type HtmlPage } from '../../platform/http/html-page';
import type { RedocScript } from './redoc';

/** JSON inside a <script>: `<` escaped so that no string of the document can close the element. */
const inlineJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

const REDOC_OPTIONS = {
  expandResponses: '200,201,202',
  jsonSampleExpandLevel: 3,
  pathInMiddlePanel: true,
  requiredPropsFirst: true,
  hideDownloadButton: false,
  // The page works offline: system fonts only, nothing fetched.
  theme: { typography: { fontFamily: 'system-ui, "Segoe UI", Roboto, sans-serif', headings: { fontFamily: 'system-ui, "Segoe UI", Roboto, sans-serif' } } },
};

/** Redoc links its own logo from a CDN; the policy blocks that request, and the broken image is not shown. */
const STYLE = 'body{margin:0}img[src^="https://cdn.redoc.ly"]{display:none}';

/**
 * The human-readable API reference at /docs: Redoc (its script from the npm package, inlined, no CDN)
 * rendering the OpenAPI document given, itself inlined, so the page needs nothing but its own answer.
 * The policy allows exactly its two scripts by hash, Redoc's inline styles and its search worker (a blob).
 */
export function docsPage(document: Readonly<Record<string, unknown>>, redoc: RedocScript): HtmlPage {
  const init = `Redoc.init(${inlineJson(document)},${JSON.stringify(REDOC_OPTIONS)},document.getElementById('redoc'));`;
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>toantrinh API reference</title><meta name="generator" content="Redoc ${redoc.version}"><style>${STYLE}</style></head>
<body><div id="redoc"></div>
<script>${redoc.js}</script><script>${init}</script></body></html>`;
  const contentSecurityPolicy = [
    "default-src 'none'",
    `script-src ${redoc.hashSource} ${scriptHashSource(init)}`,
    // styled-components writes <style> elements; Redoc sets style attributes.
    "style-src 'unsafe-inline'",
    // The search index runs in a worker Redoc creates from a blob; the download button makes a blob URL.
    'worker-src blob:',
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return { html, contentSecurityPolicy };
}
