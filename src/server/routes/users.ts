import { z } from 'zod';
import { generatePassword, MAX_PASSWORD_LENGTH, passwordProblem } from '../../store/passwords.js';
import {
  createUser,
  findUserByEmail,
  listUsers,
  USER_ROLES,
  type UserView,
  updateUser,
} from '../../store/users.js';
import { requireEveryProject } from '../auth.js';
import { authSettings } from '../auth-settings.js';
import { ApiError } from '../errors.js';
import type { AnyRoute, ServerContext } from '../route.js';
import { requireProjectId } from './project-ref.js';

const Name = z.string().trim().min(1).max(200);
const ProjectId = z.number().int().min(1).nullable().describe('limit the user to this project');
const Password = z
  .string()
  .max(MAX_PASSWORD_LENGTH)
  .refine((p) => !passwordProblem(p), { message: 'at least 12 characters' })
  .describe('at least 12 characters');

const NewUser = z.object({
  email: z.email().max(320),
  name: Name.optional().describe("default: the e-mail's local part"),
  role: z.enum(USER_ROLES),
  projectId: ProjectId.optional(),
  password: Password.optional().describe('omitted: the server generates one and answers it, once'),
});

const UserChanges = z
  .object({
    name: Name.optional(),
    role: z.enum(USER_ROLES).optional(),
    disabled: z.boolean().optional(),
    projectId: ProjectId.optional(),
    password: Password.optional(),
    generatePassword: z.literal(true).optional().describe('set a generated password, answered once'),
  })
  .refine((c) => Object.values(c).some((v) => v !== undefined), { message: 'nothing to change' })
  .refine((c) => !(c.password && c.generatePassword), {
    message: 'password or generatePassword, not both',
  });

const User = z.object({
  id: z.number(),
  email: z.string(),
  name: z.string(),
  role: z.enum(USER_ROLES),
  projectId: z.number().nullable(),
  disabled: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
  lockedUntil: z.string().nullable().describe('set while failed sign-ins keep the account locked'),
});

const Generated = z.string().optional().describe('the generated password: shown once, pass it on safely');
const Id = z.object({ id: z.coerce.number().int().min(1) });
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function present(u: UserView, now: number): z.infer<typeof User> {
  return {
    ...u,
    role: u.role as z.infer<typeof User>['role'],
    createdAt: iso(u.createdAt)!,
    lastLoginAt: iso(u.lastLoginAt),
    lockedUntil: u.lockedUntil !== null && u.lockedUntil > now ? iso(u.lockedUntil) : null,
  };
}

export function userRoutes(ctx: ServerContext): AnyRoute[] {
  const settings = () => authSettings(ctx.auth);
  return [
    {
      method: 'GET',
      url: '/users',
      tag: 'users',
      summary: 'The users who sign in to the dashboard, by e-mail.',
      action: 'admin',
      response: z.object({ users: z.array(User) }),
      async handler({ principal }) {
        requireEveryProject(principal);
        const now = settings().now();
        return { users: (await listUsers(ctx.store.db)).map((u) => present(u, now)) };
      },
    },
    {
      method: 'POST',
      url: '/users',
      tag: 'users',
      summary:
        'Add a user (e-mail, role, optionally one project). Without a password the server generates one and answers it once.',
      action: 'admin',
      body: NewUser,
      response: z.object({ user: User, password: Generated }),
      status: 201,
      async handler({ body, principal }) {
        requireEveryProject(principal);
        if (await findUserByEmail(ctx.store.db, body.email))
          throw new ApiError('conflict', `a user with e-mail ${body.email.toLowerCase()} exists`);
        await requireProjectId(ctx, body.projectId);
        const s = settings();
        const generated = body.password ? undefined : generatePassword();
        const user = await createUser(
          ctx.store.db,
          {
            email: body.email,
            name: body.name ?? body.email.split('@')[0]!,
            role: body.role,
            projectId: body.projectId ?? null,
            password: body.password ?? generated!,
          },
          { actor: principal.actor, now: s.now(), cost: s.passwordCost },
        );
        return { user: present(user, s.now()), ...(generated ? { password: generated } : {}) };
      },
    },
    {
      method: 'PATCH',
      url: '/users/:id',
      tag: 'users',
      summary:
        "Change a user's name, role, project, disabled flag or password. A new role, project or password, or disabling, ends the user's sessions.",
      action: 'admin',
      params: Id,
      body: UserChanges,
      response: z.object({ user: User, password: Generated }),
      async handler({ params, body, principal }) {
        requireEveryProject(principal);
        await requireProjectId(ctx, body.projectId);
        const s = settings();
        const { generatePassword: generate, ...changes } = body;
        const generated = generate ? generatePassword() : undefined;
        const user = await updateUser(
          ctx.store.db,
          params.id,
          { ...changes, password: changes.password ?? generated },
          { actor: principal.actor, now: s.now(), cost: s.passwordCost },
        );
        if (!user) throw new ApiError('not_found', `no user ${params.id}`);
        return { user: present(user, s.now()), ...(generated ? { password: generated } : {}) };
      },
    },
  ];
}
