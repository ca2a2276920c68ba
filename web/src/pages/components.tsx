import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { client, ok } from '../api/client';
import { CursorPager, useCursorPages } from '../ui/cursor-pager';
import { useDocumentTitle } from '../ui/document-title';
import { EmptyState, QueryState } from '../ui/query-state';
import { ComponentResults } from './components-results';
import {
  apiQuery,
  describe,
  ECOSYSTEMS,
  EXAMPLE,
  FIELDS,
  readSearch,
  type Search,
  searchParams,
  searchProblem,
} from './components-search';

function SearchForm({ search }: { search: Search }) {
  const [, setParams] = useSearchParams();
  const [problem, setProblem] = useState<string>();
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const s = readSearch(new FormData(e.currentTarget));
    const why = searchProblem(s);
    setProblem(why);
    if (!why) setParams(searchParams(s));
  }
  return (
    <form
      className="filters sbom-form"
      aria-label="Search components"
      onSubmit={submit}
      noValidate
      aria-describedby={problem ? 'sbom-problem' : undefined}
      key={searchParams(search).toString()}
    >
      <label>
        Package name
        <input name="name" defaultValue={search.name} placeholder="log4j-core" />
      </label>
      <label>
        Name match
        <select name="match" defaultValue={search.match}>
          <option value="exact">exact</option>
          <option value="prefix">starts with</option>
        </select>
      </label>
      <label>
        Version range
        <input
          name="version"
          defaultValue={search.version}
          placeholder="< 2.17.0"
          aria-describedby="sbom-range-help"
        />
      </label>
      <label>
        Package URL (purl)
        <input name="purl" defaultValue={search.purl} placeholder="pkg:npm/lodash@4.17.20" />
      </label>
      <label>
        Ecosystem
        <input name="ecosystem" defaultValue={search.ecosystem} list="sbom-ecosystems" placeholder="any" />
        <datalist id="sbom-ecosystems">
          {ECOSYSTEMS.map((e) => (
            <option key={e} value={e} />
          ))}
        </datalist>
      </label>
      <label>
        Project
        <input name="project" defaultValue={search.project} placeholder="every project" />
      </label>
      <button type="submit" className="primary">
        Search
      </button>
      <p id="sbom-range-help" className="muted sbom-help">
        Ranges follow each ecosystem’s version order: <code>&lt;2.17.0</code>,{' '}
        <code>&gt;=2.0.0 &lt;2.17.1</code>, <code>^1.2</code>, <code>~&gt; 2.2</code>, <code>1.x || 2.x</code>
        .
      </p>
      {problem && (
        <p id="sbom-problem" role="alert" className="error">
          {problem}
        </p>
      )}
    </form>
  );
}

function NotSearched() {
  return (
    <EmptyState title="Who ships a component?">
      <p>
        Search every project’s latest SBOM by package name, purl or version range. For example:{' '}
        <Link to={`?${searchParams(EXAMPLE)}`}>
          <code>log4j-core</code> with version <code>&lt; 2.17.0</code>
        </Link>
        .
      </p>
    </EmptyState>
  );
}

function NothingFound({ search }: { search: Search }) {
  return (
    <EmptyState title={`No project ships ${describe(search)}`}>
      <p>
        Try “starts with” for the name, a wider version range, or no ecosystem. Components come from the SBOMs
        uploaded with each scan (<code>gatehouse scan --upload</code>).
      </p>
    </EmptyState>
  );
}

/** SBOM search: which projects and branches ship a package, by name, purl or version range. */
export function Components() {
  useDocumentTitle('SBOM search');
  const [params] = useSearchParams();
  const search = readSearch(params);
  const pages = useCursorPages('after');
  const problem = searchProblem(search);
  const asked = FIELDS.some((f) => f !== 'match' && search[f]);
  const results = useQuery({
    queryKey: ['components', search, pages.cursor],
    queryFn: () =>
      ok(client.GET('/api/v1/components', { params: { query: apiQuery(search, pages.cursor) } })),
    enabled: !problem,
  });
  return (
    <div className="admin-page">
      <h1>SBOM search</h1>
      <SearchForm search={search} />
      {!asked ? (
        <NotSearched />
      ) : problem ? (
        <p role="alert" className="error">
          {problem}
        </p>
      ) : (
        <QueryState query={results} what="components">
          {(data) =>
            data.results.length ? (
              <>
                <ComponentResults groups={data.results} more={data.next !== null} />
                <CursorPager pages={pages} next={data.next} what="search results" />
              </>
            ) : (
              <NothingFound search={search} />
            )
          }
        </QueryState>
      )}
    </div>
  );
}
