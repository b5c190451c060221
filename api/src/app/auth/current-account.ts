import { createParamDecorator } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';

import type { AuthenticatedRequest } from './access.guard';

/** The id of the signed-in account, for the history (null on public routes without a session). */
export const ActorId = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): string | null => ctx.switchToHttp().getRequest<AuthenticatedRequest>().account?.id ?? null,
);
