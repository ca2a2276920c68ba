import { Link } from 'react-router';
import { useUser } from '../session/session';

/** What a role that may not open a page sees there (the server refuses its data anyway). */
export function NotAllowed({ what, who }: { what: string; who: string }) {
  const user = useUser();
  return (
    <section className="empty not-allowed">
      <h1>Not allowed</h1>
      <p role="alert">
        Your role ({user.role}) may not see {what}. {who}; ask an administrator if you need access.
      </p>
      <p>
        <Link to="/">Back to the overview</Link>
      </p>
    </section>
  );
}
