export { ALL_ROUTES, LoggingModule, UNMATCHED_ROUTE, httpLogOptions, pinoLevel, requestFields, requestLine, routeOf } from './logging';
export type { RequestLine } from './logging';
