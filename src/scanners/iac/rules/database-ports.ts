/** Database engines' default ports, for the firewall rules of the Azure and GCP packs. */
export const DATABASE_PORTS = [1433, 1521, 3306, 5432, 5984, 6379, 9042, 9200, 9300, 11211, 27017];

export const DATABASE_EXPOSURE =
  'Database engines (SQL Server, MySQL, PostgreSQL, Oracle, MongoDB, Redis, Elasticsearch, Cassandra, ' +
  'Memcached) reachable from any address are probed for weak credentials and unauthenticated access. ' +
  'Databases should only be reachable from the application tier.';
