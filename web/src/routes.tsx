import type { RouteObject } from 'react-router';
import { NotFound } from './pages/not-found';
import { Overview } from './pages/overview';
import { Shell } from './shell/shell';

/**
 * Every page. Pages other than the overview load on demand (`lazy`), so the first page's bundle
 * carries only what it shows.
 */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <Shell />,
    children: [
      { index: true, element: <Overview /> },
      { path: 'projects', lazy: async () => ({ Component: (await import('./pages/projects')).Projects }) },
      {
        path: 'projects/:name',
        lazy: async () => ({ Component: (await import('./pages/project')).ProjectPage }),
      },
      { path: 'findings', lazy: async () => ({ Component: (await import('./pages/findings')).Findings }) },
      {
        path: 'findings/:id',
        lazy: async () => ({ Component: (await import('./pages/finding')).FindingPage }),
      },
      {
        path: 'exceptions',
        lazy: async () => ({ Component: (await import('./pages/exceptions')).Exceptions }),
      },
      {
        path: 'components',
        lazy: async () => ({ Component: (await import('./pages/components')).Components }),
      },
      { path: 'audit', lazy: async () => ({ Component: (await import('./pages/audit')).Audit }) },
      { path: 'settings', lazy: async () => ({ Component: (await import('./pages/settings')).Settings }) },
      { path: '*', element: <NotFound /> },
    ],
  },
];
