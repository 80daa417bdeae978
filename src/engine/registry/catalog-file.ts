/**
 * Where the web app serves the default Hub catalog (public/catalog, made by
 * `npm run catalog`), relative to its base URL. On its own so that the page's
 * first script can start the download without loading the catalog code.
 */
export const DEFAULT_CATALOG_PATH = 'catalog/default-hub.json';
