import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderSignedIn } from '../ui/render-signed-in';
import { Components } from './components';
import { byProject, readSearch, searchParams } from './components-search';

afterEach(cleanup);

const log4j = (version: string) => ({
  ecosystem: 'Maven',
  name: 'org.apache.logging.log4j:log4j-core',
  version,
  purl: `pkg:maven/org.apache.logging.log4j/log4j-core@${version}`,
  licenses: 'Apache-2.0',
});

describe('SBOM search', () => {
  it('offers an example search when nothing is asked yet', () => {
    const asked = readSearch(new URLSearchParams({ name: 'log4j-core', version: '< 2.17.0' }));
    const { router } = renderSignedIn(<Components />, {
      path: '/components',
      data: [[['components', asked, undefined], { results: [], next: null }]],
    });
    const example = screen.getByRole('link', { name: /log4j-core with version < 2\.17\.0/ });
    expect(example.getAttribute('href')).toBe('/components?name=log4j-core&version=%3C+2.17.0');
    fireEvent.click(example);
    expect(router.state.location.search).toBe('?name=log4j-core&version=%3C+2.17.0');
    expect(screen.getByRole('heading', { name: 'No project ships log4j-core < 2.17.0' })).toBeTruthy();
    expect((screen.getByLabelText('Version range') as HTMLInputElement).value).toBe('< 2.17.0');
  });

  it('asks for a name, purl or project before searching', () => {
    const { router } = renderSignedIn(<Components />, { path: '/components' });
    fireEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(screen.getByRole('alert').textContent).toBe(
      'Give a package name, a purl or a project: the search needs at least one of them.',
    );
    expect(router.state.location.search).toBe('');
  });

  it('keeps the form in the URL and groups results by project and branch', () => {
    const search = readSearch(new URLSearchParams('name=log4j-core&version=%3C2.17.0'));
    renderSignedIn(<Components />, {
      path: '/components?name=log4j-core&version=%3C2.17.0',
      data: [
        [
          ['components', search, undefined],
          {
            results: [
              { project: 'api', branch: 'main', scanId: 1, components: [log4j('2.14.1')] },
              { project: 'api', branch: 'release', scanId: 2, components: [log4j('2.16.0')] },
              { project: 'web', branch: 'main', scanId: 3, components: [log4j('2.14.1')] },
            ],
            next: 'abc',
          },
        ],
      ],
    });
    expect((screen.getByLabelText('Package name') as HTMLInputElement).value).toBe('log4j-core');
    expect((screen.getByLabelText('Version range') as HTMLInputElement).value).toBe('<2.17.0');
    expect(screen.getByRole('status').textContent).toBe(
      '2 project(s), 3 branch(es) on this page — more on the next page.',
    );
    const groups = screen.getAllByRole('rowgroup').slice(1);
    expect(groups).toHaveLength(2);
    expect(within(groups[0]!).getByRole('link', { name: 'api' }).getAttribute('href')).toBe('/projects/api');
    expect(groups[0]!.textContent).toContain('2.16.0');
    expect(within(groups[1]!).getByRole('link', { name: 'web' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Next page' })).toBeTruthy();
  });

  it('writes only the fields given into the URL, exact match being the default', () => {
    expect(searchParams({ name: ' lodash ', match: 'exact', version: '' }).toString()).toBe('name=lodash');
    expect(searchParams({ name: 'lod', match: 'prefix' }).toString()).toBe('name=lod&match=prefix');
    expect(byProject([]).length).toBe(0);
  });
});
