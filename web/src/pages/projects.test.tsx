import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderSignedIn } from '../ui/render-signed-in';
import { teamsKey } from './project-settings';
import { Projects, projectsKey } from './projects';
import { readProjectsView, withSort, writeProjectsView } from './projects-url';

afterEach(cleanup);

const weights = {
  severity: { critical: 10, high: 5, medium: 2, low: 1, info: 0 },
  tier: { critical: 4, high: 3, medium: 2, low: 1 },
};
const row = (name: string, critical: number) => ({
  id: critical,
  name,
  repository: null,
  defaultBranch: 'main',
  tier: 'high' as const,
  team: { id: 1, name: 'payments' },
  open: { critical, high: 0, medium: 0, low: 0, info: 0 },
  risk: critical * 30,
  lastScanAt: '2026-03-01T10:00:00.000Z',
});

/**
 * The list at `search`, with the server's answers for it and for the views the test moves to
 * (`then`) already in the cache: nothing is fetched.
 */
function renderAt(search: string, projects: ReturnType<typeof row>[], then: string[] = []) {
  const answer = (s: string): [unknown[], unknown] => {
    const view = readProjectsView(new URLSearchParams(s));
    return [
      projectsKey(view, undefined),
      { sort: view.sort, order: view.order, weights, projects, next: null },
    ];
  };
  const teams = { teams: [{ id: 1, name: 'payments', createdAt: '2026-01-01T00:00:00.000Z', projects: 2 }] };
  return renderSignedIn(<Projects />, {
    path: `/projects?${search}`,
    data: [[teamsKey, teams], ...[search, ...then].map(answer)],
  });
}

describe('projects list URL state', () => {
  it('reads sort, order and filters, dropping what the API would refuse', () => {
    expect(readProjectsView(new URLSearchParams('sort=name&tier=gold&team=payments&q=bill'))).toEqual({
      sort: 'name',
      order: 'asc',
      q: 'bill',
      tier: '',
      team: 'payments',
    });
    expect(readProjectsView(new URLSearchParams('sort=nonsense&order=up'))).toMatchObject({
      sort: 'name',
      order: 'asc',
    });
  });

  it('writes only what differs from the defaults, and flips the order on a second click', () => {
    const v = readProjectsView(new URLSearchParams(''));
    expect(writeProjectsView(v).toString()).toBe('');
    expect(writeProjectsView(withSort(v, 'name')).toString()).toBe('order=desc');
    const byRisk = withSort(v, 'risk');
    expect(writeProjectsView(byRisk).toString()).toBe('sort=risk');
    expect(writeProjectsView(withSort(byRisk, 'risk')).toString()).toBe('sort=risk&order=asc');
    expect(writeProjectsView({ ...withSort(v, 'critical'), tier: 'high' }).toString()).toBe(
      'sort=critical&tier=high',
    );
  });
});

describe('projects list', () => {
  it('shows the URL state in the table and filters, and sorts by a header into the URL', () => {
    const { router } = renderAt(
      'sort=critical&order=asc&tier=high',
      [row('billing', 3), row('shop/web', 1)],
      ['sort=critical&tier=high', 'sort=last_scan&tier=high', 'sort=last_scan&tier=high&team=payments'],
    );
    expect(screen.getByRole('columnheader', { name: /Critical/ }).getAttribute('aria-sort')).toBe(
      'ascending',
    );
    expect(screen.getByRole('columnheader', { name: /Project/ }).getAttribute('aria-sort')).toBe('none');
    expect((screen.getByRole('combobox', { name: 'Tier' }) as HTMLSelectElement).value).toBe('high');
    const links = screen
      .getAllByRole('row')
      .slice(1)
      .map((r) => within(r).getAllByRole('link')[0]!);
    expect(links.map((l) => l.getAttribute('href'))).toEqual(['/projects/billing', '/projects/shop%2Fweb']);

    fireEvent.click(screen.getByRole('button', { name: /Critical/ }));
    expect(router.state.location.search).toBe('?sort=critical&tier=high');
    fireEvent.click(screen.getByRole('button', { name: /Last scan/ }));
    expect(router.state.location.search).toBe('?sort=last_scan&tier=high');
    fireEvent.change(screen.getByRole('combobox', { name: 'Owner team' }), { target: { value: 'payments' } });
    expect(router.state.location.search).toBe('?sort=last_scan&tier=high&team=payments');
  });

  it('offers to clear filters when none match, and explains how projects appear when there are none', () => {
    const { router } = renderAt('tier=low', [], ['']);
    expect(screen.getByRole('heading', { name: 'No project matches these filters' })).toBeTruthy();
    fireEvent.click(screen.getAllByRole('button', { name: 'Clear filters' })[0]!);
    expect(router.state.location.search).toBe('');
    cleanup();
    renderAt('', []);
    expect(screen.getByRole('heading', { name: 'No projects yet' }).parentElement?.textContent).toMatch(
      /gatehouse scan --upload/,
    );
  });
});
