import { useQuery } from '@tanstack/react-query';
import { client, ok } from '../api/client';

export interface ProjectChoice {
  id: number;
  name: string;
}

/** The projects a user or token can be limited to (the API takes their ids). */
export function useProjectChoices() {
  return useQuery({
    queryKey: ['projects', 'choices'],
    queryFn: async (): Promise<ProjectChoice[]> => {
      const r = await ok(client.GET('/api/v1/projects', { params: { query: { limit: 500 } } }));
      return r.projects.map((p) => ({ id: p.id, name: p.name })).sort((a, b) => a.name.localeCompare(b.name));
    },
  });
}

/** "every project" or the project's name, for a project id as users and tokens carry it. */
export function projectName(choices: ProjectChoice[] | undefined, id: number | null): string {
  if (id === null) return 'every project';
  return choices?.find((p) => p.id === id)?.name ?? `project #${id}`;
}

/** A select of "every project" and each project; its value is the id, or "" for every project. */
export function ProjectSelect({
  name,
  label,
  defaultValue,
  choices,
}: {
  name: string;
  label: string;
  defaultValue: number | null;
  choices: ProjectChoice[] | undefined;
}) {
  return (
    <label>
      {label}
      <select name={name} defaultValue={defaultValue === null ? '' : String(defaultValue)}>
        <option value="">every project</option>
        {choices?.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The select's value as the API wants it. */
export const projectIdOf = (value: FormDataEntryValue | null): number | null =>
  value ? Number(value) : null;
