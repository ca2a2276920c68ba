import { useState } from 'react';
import { NavLink, Outlet } from 'react-router';
import { type UiAction, useCan, useSignOut, useUser } from '../session/session';
import { applyTheme, storedTheme, type Theme } from './theme';

interface Section {
  to: string;
  label: string;
  needs?: UiAction;
}

const SECTIONS: Section[] = [
  { to: '/', label: 'Overview' },
  { to: '/projects', label: 'Projects' },
  { to: '/findings', label: 'Findings' },
  { to: '/exceptions', label: 'Exceptions' },
  { to: '/components', label: 'SBOM search' },
  { to: '/audit', label: 'Audit log', needs: 'audit.read' },
  { to: '/settings', label: 'Settings', needs: 'admin' },
];

function NavItem({ section }: { section: Section }) {
  const can = useCan(section.needs ?? 'triage');
  if (section.needs && !can) return null;
  return (
    <li>
      <NavLink to={section.to} end={section.to === '/'}>
        {section.label}
      </NavLink>
    </li>
  );
}

function ThemePicker() {
  const [theme, setTheme] = useState<Theme>(storedTheme);
  return (
    <label className="theme-picker">
      Theme
      <select
        value={theme}
        onChange={(e) => {
          const t = e.target.value as Theme;
          applyTheme(t);
          setTheme(t);
        }}
      >
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}

/** The frame of every signed-in page: navigation, who is signed in, the theme. */
export function Shell() {
  const user = useUser();
  const signOut = useSignOut();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">Gatehouse</span>
        <nav aria-label="Sections">
          <ul>
            {SECTIONS.map((s) => (
              <NavItem key={s.to} section={s} />
            ))}
          </ul>
        </nav>
        <div className="who">
          <ThemePicker />
          <span title={user.email}>
            {user.name || user.email} <span className="role">{user.role}</span>
          </span>
          <button type="button" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
