export { LoggingModule, UNMATCHED_ROUTE, httpLogOptions, pinoLevel, requestLine, routeOf } from './logging';
export type { RequestLine } from './logging';
