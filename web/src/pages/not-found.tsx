import { Link } from 'react-router';
import { useDocumentTitle } from '../ui/document-title';

export function NotFound() {
  useDocumentTitle('Page not found');
  return (
    <section className="empty">
      <h1>Page not found</h1>
      <p>
        This address does not lead anywhere. Start from the <Link to="/">overview</Link>.
      </p>
    </section>
  );
}
