export { startWebServer, sendJson, type WebServer, type WebServerOptions, type RouteHandler } from './web-server';
export { relayHttp, relayUpgrade, type RelayOptions } from './gateway-relay';
export { serveStatic, resolveStaticPath, SECURITY_HEADERS, CONTENT_SECURITY_POLICY } from './static-files';
export { readJsonBody, readFormBody } from './request-body';
export { builtPageRoot } from './built-page';
export { authRoutes } from './auth-routes';
