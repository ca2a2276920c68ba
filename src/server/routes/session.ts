import { z } from 'zod';
import { recordAudit } from '../../store/audit.js';
import { MAX_PASSWORD_LENGTH, passwordProblem } from '../../store/passwords.js';
import { deleteSession, hashSessionSecret } from '../../store/sessions.js';
import { changeOwnPassword, findUser, USER_ROLES } from '../../store/users.js';
import { authSettings } from '../auth-settings.js';
import { csrfToken, requireSameOrigin } from '../csrf.js';
import { ApiError } from '../errors.js';
import type { AnyRoute, ServerContext } from '../route.js';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../session-cookie.js';
import { requireCurrentPassword, signIn } from '../sign-in.js';

const Password = z.string().min(1).max(MAX_PASSWORD_LENGTH);

const SessionUser = z.object({
  id: z.number(),
  email: z.string(),
  name: z.string(),
  role: z.enum(USER_ROLES),
  projectId: z.number().nullable().describe('set when the user is limited to one project'),
});

const SessionAnswer = z.object({
  user: SessionUser,
  csrfToken: z.string().describe('send as X-CSRF-Token with every POST, PATCH, PUT and DELETE'),
});

export function sessionRoutes(ctx: ServerContext): AnyRoute[] {
  const settings = () => authSettings(ctx.auth);
  return [
    {
      method: 'POST',
      url: '/session',
      tag: 'session',
      summary:
        'Sign in with e-mail and password: sets the session cookie (HttpOnly, Secure, SameSite=Strict) and answers the CSRF token. Ten wrong passwords in a row lock the account for 15 minutes.',
      action: 'public',
      body: z.object({ email: z.email().max(320), password: Password }),
      response: SessionAnswer,
      async handler({ body, req, reply }) {
        // Login CSRF: another site must not sign a browser into an account of its choosing.
        requireSameOrigin(req, ctx.baseUrl);
        const s = settings();
        const { user, secret } = await signIn(ctx.store, s, body, req, reply);
        const previous = req.cookies[SESSION_COOKIE];
        if (previous) await deleteSession(ctx.store.db, hashSessionSecret(previous));
        setSessionCookie(reply, secret, s.lifetimeMs);
        return {
          user: {
            id: user.id,
            email: user.email,
            name: user.name,
            role: user.role,
            projectId: user.project_id,
          },
          csrfToken: csrfToken(secret),
        };
      },
    },
    {
      method: 'GET',
      url: '/session',
      tag: 'session',
      summary:
        'The signed-in user and the CSRF token of the session (after a page reload); 401 without a session.',
      action: 'session',
      response: SessionAnswer,
      async handler({ session }) {
        return { user: session!.user, csrfToken: session!.csrfToken };
      },
    },
    {
      method: 'DELETE',
      url: '/session',
      tag: 'session',
      summary: 'Sign out: the session ends on the server and the cookie is cleared.',
      action: 'session',
      response: z.object({ signedOut: z.literal(true) }),
      async handler({ session, reply, req }) {
        await deleteSession(ctx.store.db, session!.id);
        clearSessionCookie(reply);
        await recordAudit(
          ctx.store.db,
          {
            actor: session!.user.email,
            action: 'session.delete',
            targetType: 'user',
            targetId: String(session!.user.id),
            detail: { ip: req.ip },
          },
          settings().now(),
        );
        return { signedOut: true as const };
      },
    },
    {
      method: 'POST',
      url: '/session/password',
      tag: 'session',
      summary:
        "Change the signed-in user's password (the current one is required); the user's other sessions end.",
      action: 'session',
      body: z.object({ currentPassword: Password, newPassword: Password }),
      response: z.object({ changed: z.literal(true), sessionsEnded: z.number() }),
      async handler({ body, session, reply }) {
        const s = settings();
        const user = (await findUser(ctx.store.db, session!.user.id))!;
        await requireCurrentPassword(ctx.store, s, user, body.currentPassword, reply);
        const problem = passwordProblem(body.newPassword);
        if (problem) throw new ApiError('bad_request', `body.newPassword: ${problem}`);
        if (body.newPassword === body.currentPassword)
          throw new ApiError('bad_request', 'body.newPassword: the same as the current one');
        const ended = await changeOwnPassword(ctx.store.db, user, body.newPassword, session!.id, {
          actor: user.email,
          now: s.now(),
          cost: s.passwordCost,
        });
        return { changed: true as const, sessionsEnded: ended };
      },
    },
  ];
}
