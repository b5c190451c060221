// What other features may use of auth: its module, its policies and the signed-in account.
export { AuthModule } from './auth.module';
export { AuthService } from './auth.service';
export { SessionsService } from './sessions.service';
export type { SignedIn } from './sessions.service';
export type { AuthenticatedRequest } from './access.guard';
export { Access, Allow } from './policies';
export { ActorId } from './current-account';
export { SESSION_COOKIE, setXsrfCookie } from './cookies';
export { meView } from './me-view';
export { hashPassword, randomToken, tokenHash, verifyPassword } from './secrets';
export { issueToken, linkFor } from './tokens';
