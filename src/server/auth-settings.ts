import { DEFAULT_COST, type ScryptCost } from '../store/passwords.js';
import { DEFAULT_SESSION_POLICY, type SessionPolicy } from '../store/sessions.js';

/** How people sign in: session lifetimes, the password hashing cost, and the clock (tests move it). */
export interface AuthSettings extends SessionPolicy {
  passwordCost: ScryptCost;
  now(): number;
}

export function authSettings(given: Partial<AuthSettings> = {}): AuthSettings {
  return { ...DEFAULT_SESSION_POLICY, passwordCost: DEFAULT_COST, now: Date.now, ...given };
}
